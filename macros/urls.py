"""Addresses between pages: the one home for how a page's source path becomes a URL.

Pages are named by their source path relative to ``docs/`` (``planera/checklista.md``).
With directory URLs (the normal build) that page is served at ``planera/checklista/``;
without them (the offline copy) at ``planera/checklista.html``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin


def page_path(md_path: str, directory_urls: bool = True) -> str:
    """The site path of a page: ``planera/checklista.md`` -> ``planera/checklista/``,
    ``riktlinjen/index.md`` -> ``riktlinjen/``, ``index.md`` -> ``""``; offline
    ``planera/checklista.html``."""
    stem = md_path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative(target: str, from_path: str) -> str:
    """A site path relative to another site path (the folder of ``from_path``)."""
    base = from_path if from_path.endswith("/") or not from_path else posixpath.dirname(from_path)
    url = posixpath.relpath(target or ".", base or ".")
    return url + "/" if target.endswith("/") or not target else url


def relative_url(from_md: str, to_md: str, directory_urls: bool = True) -> str:
    """The URL of one page relative to another, for links in raw HTML (which
    MkDocs does not rewrite): ``planera/checklista.md`` to ``om-webbplatsen.md``
    is ``../../om-webbplatsen/``; offline ``../om-webbplatsen.html``."""
    return relative(page_path(to_md, directory_urls), page_path(from_md, directory_urls))


def asset_url(asset: str, from_md: str, directory_urls: bool = True) -> str:
    """The URL of a file in the site (``javascripts/x.js``) from a page."""
    return relative(asset, page_path(from_md, directory_urls))


def relative_link(from_md: str, to_md: str) -> str:
    """A Markdown link target from one page's source to another's (MkDocs
    turns it into the right URL and checks it)."""
    return posixpath.relpath(to_md, posixpath.dirname(from_md) or ".")


def full_url(site_url: str, md_path: str, anchor: str = "") -> str:
    """A page's full address under the site's public URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    url = urljoin(base, page_path(md_path))
    return f"{url}#{anchor}" if anchor else url


def page_address(site_url: str, md_path: str, directory_urls: bool = True) -> str:
    """A page's own address as MkDocs gives it (``page.canonical_url``, else
    ``page.url``): full under site_url when there is one, else the site path."""
    path = page_path(md_path, directory_urls)
    if not site_url:
        return path
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)
