//! The parsed page: a compact tree that html5ever's tree builder writes through [`TreeSink`],
//! holding only what the walk reads (elements' names and attributes, text).
//!
//! A node is 48 bytes: five `u32` links (parent, siblings, first and last child) and its data.
//! A general-purpose DOM spends about 128 bytes a node, and on a page of many small elements
//! (`<tr><td>a<td>b` rows, list items) the tree was most of the memory a page took: 2 MiB of
//! such rows parsed into 96 MiB of nodes. Comments, doctypes and processing instructions keep
//! their place in the tree and nothing else.
//!
//! The tree builder calls the sink through `&self`, so the tree sits in a `RefCell` while it is
//! built and comes out whole at [`TreeSink::finish`].

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink as _};
use html5ever::{expanded_name, local_name, ns, Attribute, LocalName, Namespace, QualName};

/// A node's index in [`Dom::nodes`].
pub(crate) type NodeId = u32;

/// No node: the link to a parent, sibling or child that is not there.
const NONE: NodeId = u32::MAX;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Data {
    Document,
    /// A template's contents, which the walk never enters.
    Fragment,
    Element(Element),
    Text(StrTendril),
    /// A comment, doctype or processing instruction.
    Other,
}

/// An element's name (its attributes are the node's).
#[derive(Debug)]
pub(crate) struct Element {
    ns: Namespace,
    local: LocalName,
}

impl Element {
    /// The element's local name, `div`.
    #[inline]
    pub fn name(&self) -> &str {
        &self.local
    }
}

#[derive(Debug)]
struct Node {
    parent: NodeId,
    prev: NodeId,
    next: NodeId,
    first: NodeId,
    last: NodeId,
    /// An element's attributes: their index in [`Dom::attributes`], or [`NONE`].
    attributes: u32,
    data: Data,
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    nodes: Vec<Node>,
    attributes: Vec<Vec<(LocalName, StrTendril)>>,
}

/// One step of the walk over the tree: a node opens (before its children) or closes (after).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    Open(NodeId),
    Close(NodeId),
}

impl Dom {
    /// Parses `html` as a document.
    ///
    /// The node list is reserved up front from the tags' count, an upper estimate: grown by
    /// doubling, it would hold its old and new copies at once. What is never used is never
    /// touched, so it costs address space, not resident memory.
    pub fn parse(html: &str) -> Dom {
        let dom = Dom { nodes: Vec::with_capacity(node_estimate(html.as_bytes())), attributes: Vec::new() };
        let sink = Sink(RefCell::new(dom));
        sink.0.borrow_mut().push(Data::Document);
        html5ever::driver::parse_document(sink, parse_opts()).one(html)
    }

    /// The document node.
    pub fn root(&self) -> NodeId {
        0
    }

    /// What node `id` is.
    #[inline]
    pub fn data(&self, id: NodeId) -> &Data {
        &self.nodes[id as usize].data
    }

    /// The attributes of element `id`, names and values.
    #[inline]
    pub fn attributes(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> + '_ {
        let list = self.attributes.get(self.nodes[id as usize].attributes as usize);
        list.into_iter().flatten().map(|(name, value)| (&**name, &**value))
    }

    /// The opening and closing of every node below and including the root, in document
    /// order, without recursion.
    pub fn edges(&self) -> impl Iterator<Item = Edge> + '_ {
        let root = self.root();
        let mut next = Some(Edge::Open(root));
        std::iter::from_fn(move || {
            let edge = next?;
            next = match edge {
                Edge::Open(id) => match self.nodes[id as usize].first {
                    NONE => Some(Edge::Close(id)),
                    child => Some(Edge::Open(child)),
                },
                Edge::Close(id) if id == root => None,
                Edge::Close(id) => {
                    let node = &self.nodes[id as usize];
                    match node.next {
                        NONE => Some(Edge::Close(node.parent)),
                        sibling => Some(Edge::Open(sibling)),
                    }
                }
            };
            Some(edge)
        })
    }

    fn push(&mut self, data: Data) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node { parent: NONE, prev: NONE, next: NONE, first: NONE, last: NONE, attributes: NONE, data });
        id
    }

    fn node(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id as usize]
    }

    /// Takes `id` out of its parent's children.
    fn detach(&mut self, id: NodeId) {
        let node = &self.nodes[id as usize];
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if parent == NONE {
            return;
        }
        match prev {
            NONE => self.node(parent).first = next,
            prev => self.node(prev).next = next,
        }
        match next {
            NONE => self.node(parent).last = prev,
            next => self.node(next).prev = prev,
        }
        let node = self.node(id);
        (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
    }

    /// Makes `id` (detached) the last child of `parent`.
    fn append_child(&mut self, parent: NodeId, id: NodeId) {
        self.detach(id);
        let last = self.node(parent).last;
        match last {
            NONE => self.node(parent).first = id,
            last => self.node(last).next = id,
        }
        self.node(parent).last = id;
        let node = self.node(id);
        (node.parent, node.prev) = (parent, last);
    }

    /// Puts `id` (detached) just before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: NodeId, id: NodeId) {
        self.detach(id);
        let (parent, prev) = (self.nodes[sibling as usize].parent, self.nodes[sibling as usize].prev);
        match prev {
            NONE => self.node(parent).first = id,
            prev => self.node(prev).next = id,
        }
        self.node(sibling).prev = id;
        let node = self.node(id);
        (node.parent, node.prev, node.next) = (parent, prev, sibling);
    }

    /// Text for the tree: appended to `neighbour` when that is a text node (the tree builder
    /// wants adjacent text merged), else a new text node, returned for the caller to place.
    fn text_node(&mut self, neighbour: NodeId, text: StrTendril) -> Option<NodeId> {
        match self.nodes.get_mut(neighbour as usize).map(|n| &mut n.data) {
            Some(Data::Text(t)) => {
                t.push_tendril(&text);
                None
            }
            _ => Some(self.push(Data::Text(text))),
        }
    }
}

/// How pages are parsed: with scripting off, as a scraper reads them. A `noscript` element's
/// content is then markup like any other (a forum's crawler view of its posts, a shop's product
/// text), where a browser that runs scripts takes it as one raw text node and never shows it.
fn parse_opts() -> html5ever::ParseOpts {
    html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    }
}

/// An upper estimate of the nodes a page parses into: an element for each start tag, a text
/// node before each tag, and the few the parser implies.
fn node_estimate(html: &[u8]) -> usize {
    let (mut tags, mut starts) = (0, 0);
    for at in memchr::memchr_iter(b'<', html) {
        tags += 1;
        starts += usize::from(html.get(at + 1).is_some_and(u8::is_ascii_alphabetic));
    }
    tags + starts + 64
}

/// An element's name as the tree builder asks for it.
#[derive(Debug)]
pub(crate) struct Name {
    ns: Namespace,
    local: LocalName,
}

impl ElemName for Name {
    #[inline]
    fn ns(&self) -> &Namespace {
        &self.ns
    }

    #[inline]
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

/// The tree builder's side of the tree.
struct Sink(RefCell<Dom>);

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        match &self.0.borrow().nodes[*target as usize].data {
            Data::Element(e) => Name { ns: e.ns.clone(), local: e.local.clone() },
            // The tree builder asks only of elements.
            _ => Name { ns: ns!(html), local: local_name!("") },
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> NodeId {
        let mut dom = self.0.borrow_mut();
        let template = name.expanded() == expanded_name!(html "template");
        let id = dom.push(Data::Element(Element { ns: name.ns, local: name.local }));
        if !attrs.is_empty() {
            dom.attributes.push(attrs.into_iter().map(|a| (a.name.local, a.value)).collect());
            dom.nodes[id as usize].attributes = dom.attributes.len() as u32 - 1;
        }
        if template {
            let contents = dom.push(Data::Fragment);
            dom.append_child(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.0.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => dom.append_child(*parent, id),
            NodeOrText::AppendText(text) => {
                let last = dom.nodes[*parent as usize].last;
                if let Some(id) = dom.text_node(last, text) {
                    dom.append_child(*parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.0.borrow().nodes[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut dom = self.0.borrow_mut();
        let id = dom.push(Data::Other);
        dom.append_child(0, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.0.borrow().nodes[*target as usize].first
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            dom.detach(id);
        }
        if dom.nodes[*sibling as usize].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => dom.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = dom.nodes[*sibling as usize].prev;
                if let Some(id) = dom.text_node(prev, text) {
                    dom.insert_before(*sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.0.borrow_mut();
        let dom = &mut *dom;
        let node = &mut dom.nodes[*target as usize];
        if node.attributes == NONE {
            dom.attributes.push(Vec::new());
            node.attributes = dom.attributes.len() as u32 - 1;
        }
        let list = &mut dom.attributes[node.attributes as usize];
        for attr in attrs {
            if !list.iter().any(|(name, _)| *name == attr.name.local) {
                list.push((attr.name.local, attr.value));
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.0.borrow_mut();
        let mut child = dom.nodes[*node as usize].first;
        while child != NONE {
            let next = dom.nodes[child as usize].next;
            dom.append_child(*new_parent, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as a flat string: each element's name and attributes as it opens, `/` as it
    /// closes, text quoted; comments, doctypes and template contents left out.
    fn outline(dom: &Dom) -> String {
        let mut out = String::new();
        let mut skip = 0;
        for edge in dom.edges() {
            match edge {
                Edge::Open(id) => match dom.data(id) {
                    Data::Fragment => skip += 1,
                    _ if skip > 0 => {}
                    Data::Element(e) => {
                        let mut attrs: Vec<_> = dom.attributes(id).collect();
                        attrs.sort();
                        out.push_str(&format!("<{}{:?}>", e.name(), attrs));
                    }
                    Data::Text(t) => out.push_str(&format!("{:?}", &**t)),
                    _ => {}
                },
                Edge::Close(id) => match dom.data(id) {
                    Data::Fragment => skip -= 1,
                    Data::Element(_) if skip == 0 => out.push('/'),
                    _ => {}
                },
            }
        }
        out
    }

    /// The same outline of scraper's tree, a general-purpose DOM over the same parser.
    fn reference(html: &str) -> String {
        use scraper::Node;
        let sink = scraper::HtmlTreeSink::new(scraper::Html::new_document());
        let doc = html5ever::driver::parse_document(sink, parse_opts()).one(html);
        let mut out = String::new();
        let mut skip = 0;
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Fragment => skip += 1,
                    _ if skip > 0 => {}
                    Node::Element(e) => {
                        let mut attrs: Vec<_> = e.attrs().collect();
                        attrs.sort();
                        out.push_str(&format!("<{}{:?}>", e.name(), attrs));
                    }
                    Node::Text(t) => out.push_str(&format!("{:?}", &**t)),
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => match node.value() {
                    Node::Fragment => skip -= 1,
                    Node::Element(_) if skip == 0 => out.push('/'),
                    _ => {}
                },
            }
        }
        out
    }

    #[test]
    fn builds_the_tree_a_general_purpose_dom_builds() {
        // The tree builder's every way of placing a node: foster parenting out of tables, the
        // adoption agency for misnested formatting, re-opened formatting, attributes merged
        // into html and body, templates, implied elements, text merged across removed nodes.
        let mut pages: Vec<String> = [
            "<!doctype html><p>plain <b>bold</b> text",
            "<table><tr><td>a<td>b</table>before?<table>x<tr>y</table>",
            "<table>foster<b>bold</table>after",
            "<b>1<p>2</b>3</p>4",
            "<a href=/x>one<div>two</a>three</div>",
            "<p><b><i>deep</p>still bold<p>next",
            "<html lang=en><body class=a><html data-x=1><body id=b class=c>text",
            "<template><p>inside</p></template><p>outside",
            "<ul><li>one<li>two<ul><li>nested</ul></ul><dl><dt>t<dd>d</dl>",
            "<select><option>a<option>b</select><p>after",
            "<svg><g><text>s</text></g></svg><math><mi>x</mi></math>",
            "<frameset><frame></frameset>",
            "text <!-- comment --> more <?pi x?> text",
            "<table><caption>c<tr><th>h</table><p>p",
            "<p>a<table><tr><td>in cell</table>b",
            "<h1>x<h2>y</h1>z",
            "<form><form>inner</form></form><button><button>b",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/html");
        for entry in std::fs::read_dir(corpus).unwrap().flatten() {
            if entry.path().to_string_lossy().ends_with(".in.html") {
                pages.push(std::fs::read_to_string(entry.path()).unwrap());
            }
        }
        for page in &pages {
            assert_eq!(outline(&Dom::parse(page)), reference(page), "{}", &page[..page.len().min(120)]);
        }
    }

    #[test]
    fn a_node_is_48_bytes() {
        assert!(std::mem::size_of::<Node>() <= 48, "{}", std::mem::size_of::<Node>());
    }

    #[test]
    fn edges_open_and_close_every_node_in_document_order() {
        let dom = Dom::parse("<p>a<b>b</b></p>");
        let edges: Vec<Edge> = dom.edges().collect();
        assert_eq!(edges.len(), 2 * dom.nodes.len());
        assert_eq!(edges.first(), Some(&Edge::Open(0)));
        assert_eq!(edges.last(), Some(&Edge::Close(0)));
        assert_eq!(outline(&dom), r#"<html[]><head[]>/<body[]><p[]>"a"<b[]>"b"///"#.to_string() + "/");
    }
}
