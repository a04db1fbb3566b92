"""What each spreadsheet import reads: one resource per dataset, Chinese column names."""
