//! Reading the XML answer sets (LGL's `<articles>`, PETRARCH2's
//! `<Validation>`) with roxmltree: the file parsed once as a tree, elements
//! found by name, text and attribute values with their entities and CDATA
//! sections decoded by the parser.

use std::path::Path;

use roxmltree::{Document, Node, ParsingOptions};

use crate::EvalError;

/// The text of an XML file.
pub(crate) fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))
}

/// `text` parsed as a tree. A document type declaration is allowed (its
/// entities are expanded, with roxmltree's guard against expansion loops).
pub(crate) fn parse<'i>(path: &Path, text: &'i str) -> Result<Document<'i>, EvalError> {
    parse_str(text).map_err(|e| EvalError::parse(path, e))
}

/// `text` parsed as a tree.
pub(crate) fn parse_str(text: &str) -> Result<Document<'_>, roxmltree::Error> {
    Document::parse_with_options(text, ParsingOptions { allow_dtd: true, ..ParsingOptions::default() })
}

/// The name of the file's root element (`articles`, `Validation`).
pub(crate) fn root_name(path: &Path) -> Result<String, EvalError> {
    let text = read(path)?;
    let doc = parse(path, &text)?;
    Ok(doc.root_element().tag_name().name().to_owned())
}

/// The elements named `tag` under `node`, in document order.
pub(crate) fn elements<'a, 'i>(node: Node<'a, 'i>, tag: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |n| n.has_tag_name(tag))
}

/// The text of the first element named `tag` under `node` (all its text,
/// CDATA included; empty when the element is), or `None` when there is no
/// such element.
pub(crate) fn text_of(node: Node<'_, '_>, tag: &str) -> Option<String> {
    elements(node, tag)
        .next()
        .map(|e| e.descendants().filter_map(|n| n.is_text().then(|| n.text()).flatten()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_decoded_and_an_empty_element_is_empty() {
        let doc = parse_str("<a><t></t><u>x &amp; y</u><v> <![CDATA[<b> &amp;]]></v></a>").expect("well-formed");
        let root = doc.root_element();
        assert_eq!(text_of(root, "t").as_deref(), Some(""));
        assert_eq!(text_of(root, "u").as_deref(), Some("x & y"));
        assert_eq!(text_of(root, "v").as_deref(), Some(" <b> &amp;"), "CDATA is kept as written");
        assert_eq!(text_of(root, "w"), None);
    }
}
