"""The one exception type whose message is shown to users (in German) without a traceback."""


class UserError(Exception):
    """A problem the user can fix; ``str(err)`` names the cause and the next step, in German."""
