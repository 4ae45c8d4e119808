"""A human step whose permission also depends on the record it works on.

Viewflow's `.Permission(...)` answers "may this role do this kind of step"; municipalities
and organs need "may this user do it to *this* assignment or motion". `ScopedView` adds a
`.Scope(...)` check, from `governance.permissions`, to taking and executing the task.
"""

from viewflow.workflow import flow


class ScopedView(flow.View):
    """`flow.View` whose assign/execute checks also ask `scope(user, process)`."""

    _assign_scope = None
    _execute_scope = None

    def Scope(self, assign, execute=None):  # noqa: N802 (Viewflow's chained-builder naming)
        """`assign(user, process) -> bool`: may this user take the task on this artifact?

        `execute` (default: the same) is asked of the task's owner; it can be wider, so a
        task a secretary moved to a colleague can be done by that colleague.
        """
        self._assign_scope = assign
        self._execute_scope = execute or assign
        return self

    @staticmethod
    def _allows(scope, user, task):
        return scope is None or bool(scope(user, task.process.coerced))

    def can_assign(self, user, task):
        return super().can_assign(user, task) and self._allows(self._assign_scope, user, task)

    def can_execute(self, user, task):
        return super().can_execute(user, task) and self._allows(self._execute_scope, user, task)
