"""Generating docs/, writing files atomically, building the site with MkDocs, and the MkDocs hooks."""
