"""Files the browser app opens or writes on a user's behalf, kept inside one data folder.

A browser user can type any path into a page, and the server would open it with its own
rights; so the Corpus page opens and writes results only under a configured data folder
(``$COMPARE_DATA_DIR``, else ``$COMPARE_HOME/corpus``), resolving relative paths against it
and refusing anything that escapes it (``..``, absolute paths elsewhere, symbolic links out).

A browser user also has no server paths to give: :func:`unpack_articles_zip` takes a .zip of
articles with their manifest, unpacks it safely (no member outside the folder, no links, caps
on count and size so a zip bomb cannot fill the disk) and returns the manifest's path.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from compare.errors import InputError

DATA_ENV = "COMPARE_DATA_DIR"
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_BYTES = 200_000_000
"""Total uncompressed size of an uploaded zip of articles."""
MAX_MEMBER_BYTES = 20_000_000
MANIFEST_NAMES = ("manifest.csv",)


def data_folder() -> Path:
    """The folder the app may open and write corpus files in (created when missing)."""
    configured = os.environ.get(DATA_ENV)
    if configured:
        folder = Path(configured).expanduser()
    else:
        from compare.dismissals import compare_home

        folder = compare_home() / "corpus"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"The data folder {folder} cannot be created ({error.strerror}).") \
            from error
    return folder.resolve()


def inside_data_folder(path: str) -> Path:
    """``path`` (relative ones against the data folder) resolved, if it lies inside the data
    folder; else :class:`InputError` with one line saying where files may be."""
    folder = data_folder()
    given = Path(path.strip()).expanduser()
    full = (given if given.is_absolute() else folder / given).resolve()
    if full != folder and folder not in full.parents:
        raise InputError(f"{path.strip()} is outside the data folder {folder}; the app opens "
                         f"only files there (set {DATA_ENV} to choose another folder).")
    return full


def unpack_articles_zip(data: bytes, dest: Path) -> Path:
    """Unpack a .zip of articles into ``dest`` and return the path of its manifest.

    The manifest is ``manifest.csv`` (the shallowest one), else the zip's only .csv file; its
    file paths are relative to its own folder, as for ``corpus run``.
    """
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(f"The upload is not a readable .zip file ({error}).") from error
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            raise InputError(f"The .zip holds {len(members)} files; the page takes at most "
                             f"{MAX_ZIP_MEMBERS} (use corpus run for more).")
        total = sum(m.file_size for m in members)
        if total > MAX_ZIP_BYTES:
            raise InputError(f"The .zip unpacks to {total / 1e6:.0f} MB; the page takes at "
                             f"most {MAX_ZIP_BYTES // 1_000_000} MB.")
        dest.mkdir(parents=True, exist_ok=True)
        root = dest.resolve()
        written: list[Path] = []
        for member in members:
            name = PurePosixPath(member.filename.replace("\\", "/"))
            if name.is_absolute() or ".." in name.parts or not name.parts:
                raise InputError(f"The .zip holds a file outside its own folder "
                                 f"({member.filename}); it was not unpacked.")
            if stat.S_ISLNK(member.external_attr >> 16):
                raise InputError(f"The .zip holds a link ({member.filename}); it was not "
                                 "unpacked.")
            if member.file_size > MAX_MEMBER_BYTES:
                raise InputError(f"{member.filename} in the .zip is over "
                                 f"{MAX_MEMBER_BYTES // 1_000_000} MB.")
            if member.flag_bits & 0x1:
                raise InputError(f"{member.filename} in the .zip is encrypted; zip the articles "
                                 "without a password.")  # fmt: skip
            target = (root / Path(*name.parts)).resolve()
            if root not in target.parents:
                raise InputError(f"The .zip holds a file outside its own folder "
                                 f"({member.filename}); it was not unpacked.")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as src, open(target, "wb") as out:
                    copied = 0
                    while chunk := src.read(1 << 20):
                        copied += len(chunk)
                        if copied > MAX_MEMBER_BYTES:  # the header lied about the size
                            raise InputError(f"{member.filename} in the .zip is over "
                                             f"{MAX_MEMBER_BYTES // 1_000_000} MB.")
                        out.write(chunk)
            except (FileExistsError, NotADirectoryError, IsADirectoryError) as error:
                raise InputError(f"The .zip holds {member.filename} where it also holds a "
                                 f"file or folder of that name ({error.strerror}); rename one "
                                 "of them.") from error  # fmt: skip
            except (zipfile.BadZipFile, EOFError, zlib.error) as error:
                raise InputError(f"{member.filename} in the .zip is damaged or its sizes do "
                                 f"not match its data ({error}).") from error  # fmt: skip
            except (RuntimeError, NotImplementedError) as error:
                raise InputError(f"{member.filename} in the .zip cannot be unpacked here "
                                 f"({error}).") from error  # fmt: skip
            except OSError as error:
                raise InputError(f"{member.filename} from the .zip could not be written "
                                 f"({error.strerror or error}).") from error  # fmt: skip
            written.append(target)
    manifests = sorted((p for p in written if p.name.lower() in MANIFEST_NAMES),
                       key=lambda p: len(p.parts))
    if not manifests:
        manifests = [p for p in written if p.suffix.lower() == ".csv"]
        if len(manifests) != 1:
            raise InputError("The .zip needs its manifest: a manifest.csv beside the articles "
                             "(columns id, source_path, target_path, ...).")
    return manifests[0]
