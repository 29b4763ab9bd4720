"""A scripted editor session against `dealcraft lsp`, driven by pygls' language client (a real
LSP client we did not write), on the flagship case and on a broken copy of it.

    python3 tests/lsp/session.py path/to/dealcraft cases/haicheng.ron

Checks: diagnostics on open (none) and as you type (an unknown id, with did-you-mean, at the
right place — on a line with Chinese before it, so UTF-16 columns are exercised), go to
definition, find references, hover, completion of ids and of enum words, document outline,
rename across the file (the renamed case validates clean), and that a broken file still
answers. Exits non-zero on the first failure.
"""

import asyncio
import sys
from pathlib import Path

from lsprotocol import types as T
from pygls.lsp.client import LanguageClient


def utf16_index(line: str, units: int) -> int:
    """Python string index of a UTF-16 column."""
    n = 0
    for i, ch in enumerate(line):
        if n >= units:
            return i
        n += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def text_at(text: str, r: T.Range) -> str:
    lines = text.split("\n")
    if r.start.line != r.end.line:
        raise AssertionError(f"multi-line range {r}")
    line = lines[r.start.line]
    return line[utf16_index(line, r.start.character) : utf16_index(line, r.end.character)]


def position_of(text: str, needle: str, skip: int = 0, nth: int = 0) -> T.Position:
    """Position (UTF-16) of the `skip`-th character of the `nth` occurrence of needle."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += skip
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    col = sum(2 if ord(c) > 0xFFFF else 1 for c in text[start:at])
    return T.Position(line=line, character=col)


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print(f"ok  {what}")


async def main(binary: str, case: str) -> None:
    client = LanguageClient("dealcraft-session", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diagnostics(params: T.PublishDiagnosticsParams):
        published.put_nowait(params)

    await client.start_io(binary, "lsp")
    init = await client.initialize_async(
        T.InitializeParams(capabilities=T.ClientCapabilities(), process_id=None)
    )
    caps = init.capabilities
    check(caps.definition_provider and caps.rename_provider and caps.hover_provider,
          "server announces definition, rename and hover")
    client.initialized(T.InitializedParams())

    uri = Path(case).resolve().as_uri()
    text = Path(case).read_text(encoding="utf-8")
    doc = T.TextDocumentIdentifier(uri=uri)
    client.text_document_did_open(
        T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id="ron", version=1, text=text)
        )
    )
    d = await asyncio.wait_for(published.get(), 20)
    check(d.uri == uri and len(d.diagnostics) == 0, f"the flagship opens with no diagnostics {d.diagnostics[:2]}")

    # Go to definition from a use of Manager Fang.
    use = position_of(text, 'Met("fang")', skip=5)
    defs = await client.text_document_definition_async(
        T.DefinitionParams(text_document=doc, position=use)
    )
    check(len(defs) == 1 and text_at(text, defs[0].range) == "fang"
          and 'id: "fang"' in text.split("\n")[defs[0].range.start.line],
          f"definition of fang at line {defs[0].range.start.line + 1}")

    refs = await client.text_document_references_async(
        T.ReferenceParams(text_document=doc, position=use,
                          context=T.ReferenceContext(include_declaration=True))
    )
    check(len(refs) >= 5 and all(text_at(text, r.range) == "fang" for r in refs),
          f"{len(refs)} references to fang, each on the id")

    hover = await client.text_document_hover_async(T.HoverParams(text_document=doc, position=use))
    check(hover is not None and "influence" in hover.contents.value and "方" in hover.contents.value,
          "hover card for fang: name in both languages, influence")

    meets = position_of(text, 'meets: ["', skip=9)
    comp = await client.text_document_completion_async(
        T.CompletionParams(text_document=doc, position=meets)
    )
    items = comp.items if hasattr(comp, "items") else comp
    labels = {i.label for i in items}
    check("liu_wei" in labels and "wang_chao" in labels, f"completion in meets: {len(labels)} stakeholders")

    symbols = await client.text_document_document_symbol_async(
        T.DocumentSymbolParams(text_document=doc)
    )
    scenes = [s for s in symbols if s.children]
    check(len(scenes) >= 5 and any(c.name for c in scenes[0].children),
          f"outline: {len(symbols)} entries, {len(scenes)} scenes with their choices")

    # Rename fang everywhere; apply the edits as an editor would; the case still validates.
    prep = await client.text_document_prepare_rename_async(
        T.PrepareRenameParams(text_document=doc, position=use)
    )
    check(prep is not None, "prepare rename on the id")
    edit = await client.text_document_rename_async(
        T.RenameParams(text_document=doc, position=use, new_name="fang_min")
    )
    edits = edit.changes[uri]
    check(len(edits) == len(refs), f"rename edits every reference ({len(edits)})")
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        line = lines[e.range.start.line]
        a = utf16_index(line, e.range.start.character)
        b = utf16_index(line, e.range.end.character)
        lines[e.range.start.line] = line[:a] + e.new_text + line[b:]
    renamed = "\n".join(lines)
    client.text_document_did_change(
        T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=renamed)],
        )
    )
    d = await asyncio.wait_for(published.get(), 20)
    check(len(d.diagnostics) == 0, "the renamed case validates clean")

    # Type a mistake: an unknown stakeholder, after a Chinese comment (and an emoji, two UTF-16
    # units) on the same line, so the columns must be counted as the protocol counts them.
    lines = renamed.split("\n")
    target = next(i for i, l in enumerate(lines) if 'Met("fang_min")' in l)
    lines[target] = lines[target].replace('Met("fang_min")', '/* 方总 😀 */ Met("fang_mn")', 1)
    broken = "\n".join(lines)
    client.text_document_did_change(
        T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=broken)],
        )
    )
    d = await asyncio.wait_for(published.get(), 20)
    errs = [x for x in d.diagnostics if x.severity == T.DiagnosticSeverity.Error]
    check(len(errs) >= 1, f"typing an unknown id gives {len(errs)} error(s)")
    e = errs[0]
    check(e.range.start.line == target and text_at(broken, e.range).strip('"') == "fang_mn",
          f"the error sits on the typo (line {target + 1}, a line with Chinese before it)")
    check("fang_min" in e.message, f"the message suggests the id: {e.message.splitlines()[-1]}")

    # The broken file still answers: definition from another use.
    other = position_of(broken, '"fang_min"', skip=1, nth=1)
    defs = await client.text_document_definition_async(
        T.DefinitionParams(text_document=doc, position=other)
    )
    check(len(defs) == 1, "definition still works in the broken file")

    # A broken structure: cut the file in half.
    half = broken[: len(broken) // 2]
    client.text_document_did_change(
        T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=4),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=half)],
        )
    )
    d = await asyncio.wait_for(published.get(), 20)
    check(len(d.diagnostics) >= 1, f"half a file: {d.diagnostics[0].message.splitlines()[0]}")
    hover = await client.text_document_hover_async(
        T.HoverParams(text_document=doc, position=position_of(half, '"liu_wei"', skip=1))
    )
    check(hover is not None, "hover still answers from the last good version")

    await client.shutdown_async(None)
    client.exit(None)
    await asyncio.sleep(0.2)
    await client.stop()
    print("lsp session: all checks passed")


async def chinese(binary: str, case: str) -> None:
    """`dealcraft lsp --lang zh`: the same typo, the message and its help in Chinese."""
    client = LanguageClient("dealcraft-session-zh", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diagnostics(params: T.PublishDiagnosticsParams):
        published.put_nowait(params)

    await client.start_io(binary, "lsp", "--lang", "zh")
    await client.initialize_async(
        T.InitializeParams(capabilities=T.ClientCapabilities(), process_id=None)
    )
    client.initialized(T.InitializedParams())
    uri = Path(case).resolve().as_uri()
    text = Path(case).read_text(encoding="utf-8").replace('Met("fang")', 'Met("fang_mn")', 1)
    client.text_document_did_open(
        T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id="ron", version=1, text=text)
        )
    )
    d = await asyncio.wait_for(published.get(), 20)
    errs = [x for x in d.diagnostics if x.severity == T.DiagnosticSeverity.Error]
    check(len(errs) >= 1, "lsp --lang zh: the typo is an error")
    m = errs[0].message
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in m)
    check(cjk and "fang" in m and "提示" in m, f"lsp --lang zh speaks Chinese: {m.splitlines()[0]}")
    await client.shutdown_async(None)
    client.exit(None)
    await asyncio.sleep(0.2)
    await client.stop()


if __name__ == "__main__":
    try:
        asyncio.run(main(sys.argv[1], sys.argv[2]))
        asyncio.run(chinese(sys.argv[1], sys.argv[2]))
    except AssertionError as e:
        print(f"FAIL {e}")
        sys.exit(1)
