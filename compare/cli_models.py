"""The ``models`` command of the CLI: fetch translation models once while online, or list
them (split from :mod:`compare.cli`, which keeps ``check`` and ``corpus``)."""

from __future__ import annotations

import argparse

from compare.errors import InputError

EXIT_OK = 0


def add_models_command(sub) -> None:
    """``models download`` / ``models list``: fetch translation models for offline use."""
    models = sub.add_parser("models", help="download or list machine-translation models",
                            description="Fetch the machine-translation models once while online, "
                                        "for later offline use, or list what is here.")
    msub = models.add_subparsers(dest="models_command", metavar="ACTION")
    msub.required = True
    dl = msub.add_parser("download", help="download the default models of a language pair")
    dl.add_argument("--pair", choices=["ru-en", "kk-en", "all"],
                    help="ru-en: opus-mt ru-en and en-ru (CC-BY-4.0, Apache-2.0); kk-en: "
                         "opus-mt trk-en and en-trk (Apache-2.0); all: both")
    dl.add_argument("--model", metavar="ID", action="append",
                    help="also download this model id, e.g. facebook/nllb-200-distilled-600M "
                         "(licence CC-BY-NC-4.0, non-commercial only); may repeat")
    dl.set_defaults(func=run_models_download)
    ls = msub.add_parser("list", help="list the registered models and those on this computer")
    ls.set_defaults(func=run_models_list)


def run_models_download(args: argparse.Namespace) -> int:
    from compare.translate import (
        PAIR_MODELS,
        ModelUnavailable,
        describe_model,
        download_model,
        resolve_model,
    )

    ids = list(PAIR_MODELS[args.pair]) if args.pair else []
    ids += [resolve_model(m, "", "") for m in args.model or []]
    if not ids:
        raise InputError("Name what to download: --pair ru-en, kk-en or all, or --model ID.")
    for ref in dict.fromkeys(ids):
        print(f"Downloading {describe_model(ref)}")
        try:
            folder = download_model(ref)
        except ModelUnavailable as exc:
            raise InputError(str(exc)) from exc
        except Exception as exc:  # hub errors: unknown id, gated repo, disk full
            raise InputError(f"Could not download {ref}: {exc}".splitlines()[0]) from exc
        print(f"  saved in {folder}")
    return EXIT_OK


def run_models_list(args: argparse.Namespace) -> int:
    from compare.translate import cached_models, model_card_summary

    print("Registered models:")
    for line in model_card_summary():
        print(f"  {line}")
    here = cached_models()
    print("On this computer:" if here else "On this computer: none "
          "(python -m compare models download --pair ru-en|kk-en|all)")
    for m in here:
        dirs = ", ".join(m["directions"]) or "?"
        print(f"  {m['id']}: {m['size_mb']} MB; {dirs}; licence {m['licence']}")
    return EXIT_OK
