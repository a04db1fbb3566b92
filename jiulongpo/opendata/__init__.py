"""Open data: every public list as CSV, XLSX and JSON, with a catalogue at /data/."""
