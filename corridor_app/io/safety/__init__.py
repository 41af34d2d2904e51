"""File safety: the autosave journal, lock files of other programs, and parts a save would drop."""
