"""The editorial workflow: draft → in review → published (or unpublished), per department.

Editors draft and submit; reviewers publish, send back with a note, or unpublish. An
editor's change to something already published is kept as a PendingRevision: the live row
(what residents see) stays as published until a reviewer publishes the revision.
"""
