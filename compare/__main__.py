from compare.cli import entry

entry()
