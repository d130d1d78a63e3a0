"""The files the site offers for download, written by the build from the same
data as the pages: the workshop slides as PowerPoint (``slides.py``) and the
tips as a tagged PDF (``tips.py``).

``build.py`` says which files there are, what each is made from and when its
data last changed; ``env.py`` (called from macros/__init__.py) registers the
macros that link to them and writes them into the built site.
"""
