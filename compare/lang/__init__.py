"""Language data kept apart from the checks' logic (spelling conventions, word lists)."""
