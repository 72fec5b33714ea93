"""The one error type users see: a message a person understands, never a traceback."""


class InputError(ValueError):
    """Bad input: empty, binary, undecodable, too large, unsupported type or language.

    ``str(error)`` is a complete, one-line message meant for the user as it is.
    """
