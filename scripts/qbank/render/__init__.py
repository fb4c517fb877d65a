"""Bank to Markdown and HTML: the catalogue, pages, indexes, links, filter panel, redirects, navigation and the
one sanitiser."""
