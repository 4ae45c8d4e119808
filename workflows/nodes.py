"""A human step whose permission also depends on the record it works on.

Viewflow's `.Permission(...)` answers "may this role do this kind of step"; municipalities
and organs need "may this user do it to *this* assignment or motion". `ScopedView` adds a
`.Scope(...)` check, from `governance.permissions`, to taking and executing the task, and
asks both of a record the user may see (`governance.visibility`). Viewflow checks the step's
permission only when a task is taken; here executing needs it too, so a task moved to
someone without the role (a councillor) stays undone by them.
"""

from viewflow.workflow import flow

from governance.visibility import can_view_record


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
        process = task.process.coerced
        if not can_view_record(user, process.artifact):
            return False
        return scope is None or bool(scope(user, process))

    def can_assign(self, user, task):
        return super().can_assign(user, task) and self._allows(self._assign_scope, user, task)

    def can_execute(self, user, task):
        if not super().can_execute(user, task):
            return False
        if task.owner_permission and not user.has_perm(task.owner_permission):
            return False
        return self._allows(self._execute_scope, user, task)
