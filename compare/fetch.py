"""Reading an article from a web address: fetch it, then hand its bytes to the library's reader.

Kept out of :mod:`compare.reading` (which never goes online) so that reading a file can never
reach the network; only the app's "Web addresses" input calls this.

Two guards, because the app may listen on a network and fetch for whoever can reach it:
- only public addresses are fetched (a loopback, private, link-local or reserved address, the
  first hop or any redirect, is refused: no server-side request forgery into the machine's own
  network); ``COMPARE_FETCH_PRIVATE=1`` (or ``allow_private=True``) allows them for a user who
  runs the app on an intranet;
- the whole download has a deadline, not only each read (a server that sends one byte a second
  never trips a socket timeout).
The checks are the standard library's ``ipaddress`` and ``urllib`` hooks; no crawler library
does this for one page.
"""

from __future__ import annotations

import os
import time
import urllib.request

from compare.errors import InputError
from compare.reading import InputText, read_bytes

USER_AGENT = "compare/0.1 (translation checker; +offline review app)"
_URL_TYPES = {"text/plain": ".txt", "application/vnd.openxmlformats-officedocument."
              "wordprocessingml.document": ".docx"}  # fmt: skip
PRIVATE_ENV = "COMPARE_FETCH_PRIVATE"
DEADLINE_S = 60.0
"""Longest a whole page may take to arrive."""


def private_address(host: str, port: int | None = None) -> str | None:
    """The first address ``host`` resolves to that is not a public one (loopback, private,
    link-local, reserved...), or None. A name that does not resolve is None: fetching it then
    fails with the resolver's own message."""
    import ipaddress
    import socket

    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            return str(address)
    return None


def _refuse_private(url: str) -> None:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    try:
        port = parsed.port
    except ValueError:
        port = None
    found = private_address(parsed.hostname or "", port)
    if found is not None:
        raise InputError(
            f"Could not fetch {url}: it points to a local or private address ({found}); the app "
            f"fetches public web pages only (set {PRIVATE_ENV}=1 to allow such addresses)."
        )


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another public address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        _refuse_private(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(
    url: str, max_mb: float = 5.0, timeout: float = 15.0, allow_private: bool | None = None,
    deadline: float = DEADLINE_S,
) -> InputText:
    """Fetch a web page (or a .txt/.docx link) and read it with the library's reader.

    Every failure, from a typo to a server that does not answer, is an InputError with a
    one-line reason, because the user can act on it (fix the address, paste the text).
    ``allow_private`` None reads :data:`PRIVATE_ENV`.
    """
    import urllib.error
    from urllib.parse import urlparse

    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(f"{url!r} is not a web address; it must start with http:// or https://.")
    if allow_private is None:
        allow_private = os.environ.get(PRIVATE_ENV, "") not in ("", "0")
    handlers = [] if allow_private else [_PublicRedirects()]
    if not allow_private:
        _refuse_private(url)
    max_bytes = int(max_mb * 1_000_000)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(*handlers)
    until = time.monotonic() + deadline
    try:
        with opener.open(request, timeout=timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while size <= max_bytes:
                if time.monotonic() > until:
                    raise InputError(f"{url} sent its page too slowly (more than "
                                     f"{deadline:g} s); paste the text instead.")  # fmt: skip
                chunk = response.read1(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)[: max_bytes + 1]
            ctype = response.headers.get_content_type()
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        reason = f"{error.code} {error.reason}"
        raise InputError(f"{url} answered {reason}; check the address.") from error
    except urllib.error.URLError as error:
        reason = getattr(error.reason, "strerror", None) or error.reason
        raise InputError(f"Could not fetch {url}: {reason}.") from error
    except (TimeoutError, OSError, ValueError) as error:
        raise InputError(f"Could not fetch {url}: {error}.") from error
    ext = _URL_TYPES.get(ctype, ".html")
    try:
        text = read_bytes(data, f"page{ext}", max_bytes=max_bytes)
    except InputError as error:
        raise InputError(f"The page at {url} could not be used: {error}") from error
    text.name = url
    return text
