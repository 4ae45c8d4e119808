"""Domain events: what happened to an assignment or a motion, announced to whoever follows it.

`governance` owns the assignment and its rules but knows nothing of the processes that
track it; `workflows` subscribes to `assignment_changed` (and `statement_linked`,
`answer_imported`) and moves the Viewflow process in step. The dependency points one way:
the model announces, the process layer listens.
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


#: Sent (synchronously, inside the import's transaction) with `event=StatementLinked` each
#: time the importer stores a beslutsunderlag linked to the motion or interpellation it answers.
statement_linked = Signal()


@dataclass(frozen=True)
class StatementLinked:
    """An imported beslutsunderlag (`StatementPage`) and the page it answers (a specific
    `MotionPage` or `InterpellationPage`). `user` imported it (None from the command line).

    Sent again when the same underlag is imported again: listeners record it once."""

    statement: Any
    answered: Any
    user: Any = None


#: Sent (synchronously, inside the import's transaction) with `event=AnswerImported` each
#: time the importer stores an interpellation whose own file holds the answer, also when the
#: file is imported again unchanged (its process may have reached the answer step since).
answer_imported = Signal()


@dataclass(frozen=True)
class AnswerImported:
    """An interpellation (a specific `InterpellationPage`) whose own file holds its answer,
    dated `answered_on` when the file dates the answer (None when it does not). `user`
    imported it (None from the command line). Listeners record it once."""

    interpellation: Any
    answered_on: date | None = None
    user: Any = None
