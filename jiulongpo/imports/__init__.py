"""Spreadsheet imports in the admin: checked files, a row-by-row preview, one transaction."""
