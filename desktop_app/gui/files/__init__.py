"""Model files: new, open (also recent files and dropped files), save, save as, and export."""
