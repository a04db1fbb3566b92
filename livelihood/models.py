# Yearly livelihood task lists, parks and indicators arrive with their own issue.
