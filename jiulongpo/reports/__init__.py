"""Print-ready pages: a yearly livelihood report and a one-page card per project."""
