"""Exceptions that every door (HTML, API, CLI) turns into a message for the person."""


class ActionError(Exception):
    """The action cannot be done in the record's present state; the message says why."""

    def __init__(self, message: str, *, code: str = "invalid_state") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
