"""Demo-mode login: checks generated passwords against the scrypt hashes in ``accounts.json``.

The store is read on every login, so accounts created with ``schuelerlab class create`` can log in
without a hub restart. Only names in the store are allowed.
"""

from __future__ import annotations

from pathlib import Path

from jupyterhub.auth import Authenticator
from schuelerlab.hub.accounts import load_store
from schuelerlab.hub.passwords import verify_password
from traitlets import Unicode


class StoreAuthenticator(Authenticator):
    """Authenticate against the hashed passwords of the schuelerlab account store."""

    accounts_file = Unicode("", config=True, help="Path of accounts.json (hashed passwords).")

    def _store(self):
        return load_store(Path(self.accounts_file))

    async def authenticate(self, handler, data):
        """Return the username if the password matches its stored hash, else ``None``."""
        name = self.normalize_username((data or {}).get("username", ""))
        account = self._store().users.get(name)
        if account is None or not verify_password((data or {}).get("password", ""), account.hash):
            self.log.warning("Anmeldung fehlgeschlagen für %r", name)
            return None
        return name

    def check_allowed(self, username, authentication=None):
        """Allowed are the configured users plus everybody in the store."""
        if super().check_allowed(username, authentication):
            return True
        return username in self._store().users
