"""Domain events: what happened to an assignment, announced to whoever follows it.

`governance` owns the assignment and its rules but knows nothing of the processes that
track it; `workflows` subscribes to `assignment_changed` and moves the Viewflow process in
step. The dependency points one way: the model announces, the process layer listens.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.dispatch import Signal

#: Sent (synchronously, inside the change's transaction) with `event=AssignmentEvent`.
assignment_changed = Signal()


@dataclass(frozen=True)
class AssignmentEvent:
    """One change made by an `Assignment` method.

    `from_process` is true when the assignment's own process made the change (its flow
    already stands where it should); listeners then leave the process alone.
    """

    assignment: Any
    action: str
    user: Any = None
    reason: str = ""
    on: date | None = None
    changes: dict = field(default_factory=dict)
    from_process: bool = False
