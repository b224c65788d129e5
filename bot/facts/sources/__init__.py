"""Where articles come from: the manifests, the owner's library, intake of a page, a file or a
URL, and the dates an article prints."""
