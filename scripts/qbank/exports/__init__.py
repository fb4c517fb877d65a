"""Files that leave the site: questions.json, practice data, the question index, the Anki deck, llms.txt and
the exercise downloads."""
