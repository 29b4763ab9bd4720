//! `dealcraft lsp`: a language server for case files over stdio, for any editor (the VS Code
//! extension in editors/vscode starts it). Diagnostics as you type are the validator's own;
//! definitions, references, rename, completion and the outline come from an index of the
//! tokens, so they keep working while the file is broken; hover cards read the last version
//! that parsed.

pub mod doc;
pub mod index;
pub mod position;

use std::collections::HashMap;
use std::error::Error;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::{OneOf, PositionEncodingKind, Uri};
use serde_json::Value;

use doc::Doc;
use index::Kind;
use position::{Encoding, Lines};

struct Server {
    conn: Connection,
    docs: HashMap<String, (Uri, Doc)>,
    enc: Encoding,
    /// The language of the diagnostics' messages (`dealcraft lsp --lang zh`).
    lang: crate::case::text::Lang,
}

/// Run the server on stdin/stdout until the client shuts it down.
pub fn run(lang: crate::case::text::Lang) -> Result<(), Box<dyn Error + Send + Sync>> {
    let (conn, io) = Connection::stdio();
    let (id, params) = conn.initialize_start()?;
    let init: lsp::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    // UTF-8 columns when the client can take them (no conversion), else the protocol's UTF-16.
    let utf8 = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|v| v.contains(&PositionEncodingKind::UTF8));
    let enc = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let caps = lsp::ServerCapabilities {
        position_encoding: Some(if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), ":".into(), "(".into()]),
            ..Default::default()
        }),
        rename_provider: Some(OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..Default::default()
    };
    conn.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": caps,
            "serverInfo": {"name": "dealcraft", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;
    let mut server = Server {
        conn,
        docs: HashMap::new(),
        enc,
        lang,
    };
    server.serve()?;
    drop(server);
    io.join()?;
    Ok(())
}

fn file_name(uri: &Uri) -> String {
    let s = uri.as_str();
    s.rsplit('/').next().unwrap_or(s).to_string()
}

impl Server {
    fn serve(&mut self) -> Result<(), Box<dyn Error + Send + Sync>> {
        while let Ok(msg) = self.conn.receiver.recv() {
            match msg {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    let id = req.id.clone();
                    let resp = match self.request(req) {
                        Ok(v) => Response::new_ok(id, v),
                        Err((code, m)) => Response::new_err(id, code as i32, m),
                    };
                    self.conn.sender.send(Message::Response(resp))?;
                }
                Message::Notification(n) => self.notification(n)?,
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn publish(&self, key: &str) -> Result<(), Box<dyn Error + Send + Sync>> {
        let Some((uri, doc)) = self.docs.get(key) else {
            return Ok(());
        };
        let lines = Lines::new(&doc.text, self.enc);
        let diagnostics = doc
            .diagnostics
            .iter()
            .map(|d| {
                let d = d.in_lang(self.lang);
                let range = if d.line == 0 {
                    lsp::Range::default()
                } else {
                    range(&lines, (d.offset, d.offset + d.len))
                };
                let help = match self.lang {
                    crate::case::text::Lang::En => "help",
                    crate::case::text::Lang::Zh => "提示",
                };
                let message = match &d.hint {
                    Some(h) => format!("{}\n{help}: {h}", d.message),
                    None => d.message.clone(),
                };
                lsp::Diagnostic {
                    range,
                    severity: Some(if d.is_error() {
                        lsp::DiagnosticSeverity::ERROR
                    } else {
                        lsp::DiagnosticSeverity::WARNING
                    }),
                    code: Some(lsp::NumberOrString::String(d.code.to_string())),
                    source: Some("dealcraft".into()),
                    message,
                    ..Default::default()
                }
            })
            .collect();
        self.send_diagnostics(uri.clone(), diagnostics)
    }

    fn send_diagnostics(
        &self,
        uri: Uri,
        diagnostics: Vec<lsp::Diagnostic>,
    ) -> Result<(), Box<dyn Error + Send + Sync>> {
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        self.conn
            .sender
            .send(Message::Notification(Notification::new(
                "textDocument/publishDiagnostics".into(),
                params,
            )))?;
        Ok(())
    }

    fn notification(&mut self, n: Notification) -> Result<(), Box<dyn Error + Send + Sync>> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                else {
                    return Ok(());
                };
                let key = p.text_document.uri.as_str().to_string();
                let doc = Doc::new(&file_name(&p.text_document.uri), p.text_document.text, None);
                self.docs.insert(key.clone(), (p.text_document.uri, doc));
                self.publish(&key)?;
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                else {
                    return Ok(());
                };
                let key = p.text_document.uri.as_str().to_string();
                let Some((uri, old)) = self.docs.remove(&key) else {
                    return Ok(());
                };
                let mut text = old.text;
                for ch in p.content_changes {
                    match ch.range {
                        None => text = ch.text,
                        Some(r) => {
                            let lines = Lines::new(&text, self.enc);
                            let a = lines.offset(r.start.line, r.start.character);
                            let b = lines.offset(r.end.line, r.end.character).max(a);
                            text.replace_range(a..b, &ch.text);
                        }
                    }
                }
                let doc = Doc::new(&file_name(&uri), text, old.case);
                self.docs.insert(key.clone(), (uri, doc));
                self.publish(&key)?;
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params)
                    && let Some((uri, _)) = self.docs.remove(p.text_document.uri.as_str())
                {
                    // A closed file's diagnostics are cleared in the editor.
                    self.send_diagnostics(uri, vec![])?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The document and byte offset of a position.
    fn at(&self, p: &lsp::TextDocumentPositionParams) -> Result<(&Uri, &Doc, usize), Fail> {
        let (uri, doc) = self.docs.get(p.text_document.uri.as_str()).ok_or((
            ErrorCode::InvalidParams,
            "that document is not open".to_string(),
        ))?;
        let offset = Lines::new(&doc.text, self.enc).offset(p.position.line, p.position.character);
        Ok((uri, doc, offset))
    }

    fn locations(&self, uri: &Uri, doc: &Doc, spans: Vec<(usize, usize)>) -> Vec<lsp::Location> {
        let lines = Lines::new(&doc.text, self.enc);
        spans
            .into_iter()
            .map(|s| lsp::Location {
                uri: uri.clone(),
                range: range(&lines, s),
            })
            .collect()
    }

    fn request(&self, req: Request) -> Result<Value, Fail> {
        fn params<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, Fail> {
            serde_json::from_value(v).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
        }
        let json = |v: &dyn erased::Ser| v.to_value();
        match req.method.as_str() {
            "textDocument/definition" => {
                let p: lsp::GotoDefinitionParams = params(req.params)?;
                let (uri, doc, off) = self.at(&p.text_document_position_params)?;
                let locs = self.locations(uri, doc, doc.definition(off));
                Ok(json(&lsp::GotoDefinitionResponse::Array(locs)))
            }
            "textDocument/references" => {
                let p: lsp::ReferenceParams = params(req.params)?;
                let (uri, doc, off) = self.at(&p.text_document_position)?;
                let spans = doc.references(off, p.context.include_declaration);
                Ok(json(&self.locations(uri, doc, spans)))
            }
            "textDocument/hover" => {
                let p: lsp::HoverParams = params(req.params)?;
                let (_, doc, off) = self.at(&p.text_document_position_params)?;
                let lines = Lines::new(&doc.text, self.enc);
                Ok(match doc.hover(off) {
                    Some((md, span)) => json(&lsp::Hover {
                        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                            kind: lsp::MarkupKind::Markdown,
                            value: md,
                        }),
                        range: Some(range(&lines, span)),
                    }),
                    None => Value::Null,
                })
            }
            "textDocument/completion" => {
                let p: lsp::CompletionParams = params(req.params)?;
                let (_, doc, off) = self.at(&p.text_document_position)?;
                let items: Vec<lsp::CompletionItem> = doc
                    .completions(off)
                    .into_iter()
                    .map(|c| lsp::CompletionItem {
                        kind: Some(if c.is_id {
                            lsp::CompletionItemKind::REFERENCE
                        } else {
                            lsp::CompletionItemKind::ENUM_MEMBER
                        }),
                        detail: Some(c.detail),
                        label: c.label,
                        ..Default::default()
                    })
                    .collect();
                Ok(json(&lsp::CompletionResponse::Array(items)))
            }
            "textDocument/prepareRename" => {
                let p: lsp::TextDocumentPositionParams = params(req.params)?;
                let (_, doc, off) = self.at(&p)?;
                let lines = Lines::new(&doc.text, self.enc);
                Ok(match doc.rename_range(off) {
                    Some(s) => json(&lsp::PrepareRenameResponse::Range(range(&lines, s))),
                    None => Value::Null,
                })
            }
            "textDocument/rename" => {
                let p: lsp::RenameParams = params(req.params)?;
                let (uri, doc, off) = self.at(&p.text_document_position)?;
                let spans = doc
                    .rename(off, &p.new_name)
                    .map_err(|m| (ErrorCode::RequestFailed, m))?;
                let lines = Lines::new(&doc.text, self.enc);
                let edits = spans
                    .into_iter()
                    .map(|s| lsp::TextEdit {
                        range: range(&lines, s),
                        new_text: p.new_name.clone(),
                    })
                    .collect();
                // lsp-types keys the edits by `Uri`, which clippy counts as a mutable key type
                // (it caches its parse); the map is built once and never mutated after.
                #[allow(clippy::mutable_key_type)]
                let changes = HashMap::from([(uri.clone(), edits)]);
                Ok(json(&lsp::WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                }))
            }
            "textDocument/documentSymbol" => {
                let p: lsp::DocumentSymbolParams = params(req.params)?;
                let (_, doc) = self
                    .docs
                    .get(p.text_document.uri.as_str())
                    .ok_or((ErrorCode::InvalidParams, "that document is not open".into()))?;
                let lines = Lines::new(&doc.text, self.enc);
                let syms: Vec<lsp::DocumentSymbol> =
                    doc.symbols().iter().map(|s| symbol(&lines, s)).collect();
                Ok(json(&lsp::DocumentSymbolResponse::Nested(syms)))
            }
            m => Err((ErrorCode::MethodNotFound, format!("`{m}` is not supported"))),
        }
    }
}

type Fail = (ErrorCode, String);

/// Serialising a response value (types from lsp-types serialise infallibly).
mod erased {
    pub trait Ser {
        fn to_value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}

fn range(lines: &Lines, (a, b): (usize, usize)) -> lsp::Range {
    let (l0, c0) = lines.position(a);
    let (l1, c1) = lines.position(b);
    lsp::Range {
        start: lsp::Position {
            line: l0,
            character: c0,
        },
        end: lsp::Position {
            line: l1,
            character: c1,
        },
    }
}

fn symbol(lines: &Lines, s: &doc::Symbol) -> lsp::DocumentSymbol {
    let kind = match s.kind {
        Kind::Scene => lsp::SymbolKind::NAMESPACE,
        Kind::Choice => lsp::SymbolKind::METHOD,
        Kind::Stakeholder | Kind::Colleague | Kind::Ally => lsp::SymbolKind::CLASS,
        Kind::Competitor => lsp::SymbolKind::INTERFACE,
        Kind::Fact => lsp::SymbolKind::STRING,
        Kind::Ending => lsp::SymbolKind::EVENT,
        Kind::Event => lsp::SymbolKind::EVENT,
        Kind::Variant => lsp::SymbolKind::ENUM_MEMBER,
        Kind::Issue => lsp::SymbolKind::KEY,
        Kind::Unit => lsp::SymbolKind::MODULE,
        Kind::Flag | Kind::Trap => lsp::SymbolKind::CONSTANT,
    };
    #[allow(deprecated)] // `deprecated` is a required field of the struct in lsp-types
    lsp::DocumentSymbol {
        name: s.name.clone(),
        detail: Some(s.kind.name().into()),
        kind,
        tags: None,
        deprecated: None,
        range: range(lines, s.item),
        selection_range: range(lines, s.span),
        children: (!s.children.is_empty())
            .then(|| s.children.iter().map(|c| symbol(lines, c)).collect()),
    }
}
