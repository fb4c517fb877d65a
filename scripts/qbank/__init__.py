"""GenAI Interview Bank: validate the question bank and generate the site from it."""

__version__ = "1.0.0"
