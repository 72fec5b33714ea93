"""Reading an article from a web address: fetch it, then hand its bytes to the library's reader.

Kept out of :mod:`compare.reading` (which never goes online) so that reading a file can never
reach the network; only the app's "Web addresses" input calls this.
"""

from __future__ import annotations

from compare.errors import InputError
from compare.reading import InputText, read_bytes

USER_AGENT = "compare/0.1 (translation checker; +offline review app)"
_URL_TYPES = {"text/plain": ".txt", "application/vnd.openxmlformats-officedocument."
              "wordprocessingml.document": ".docx"}


def fetch_url(url: str, max_mb: float = 5.0, timeout: float = 15.0) -> InputText:
    """Fetch a web page (or a .txt/.docx link) and read it with the library's reader.

    Every failure, from a typo to a server that does not answer, is an InputError with a
    one-line reason, because the user can act on it (fix the address, paste the text).
    """
    import urllib.error
    import urllib.request
    from urllib.parse import urlparse

    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(f"{url!r} is not a web address; it must start with http:// or https://.")
    max_bytes = int(max_mb * 1_000_000)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            ctype = response.headers.get_content_type()
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
