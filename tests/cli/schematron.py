#!/usr/bin/python3
# schematron.py SCHEMA.sch FILE — check FILE against an ISO Schematron schema
# with lxml's XSLT 1.0 implementation; prints "valid" or each failed assert,
# exit 0 valid, 1 invalid, 2 cannot check. Used by tests/cli/1000-export-tbx.t.
#
# The TBX-Basic dialect schema (TBX-Basic_DCA.sch) declares queryBinding
# "xslt2" but uses only two XPath 2 constructs, rewritten here to their
# XPath 1 equivalents before compiling: matches(@target,'https?://.+') →
# starts-with(@target,'http://') or starts-with(@target,'https://'), and the
# path step ./local-name() → local-name(.). Everything else is checked as
# written; the script refuses a schema that still needs XPath 2 after that.
import sys

try:
    from lxml import etree, isoschematron
except ImportError:
    print("cannot check: python3-lxml is not installed")
    sys.exit(2)

sch_path, doc_path = sys.argv[1], sys.argv[2]
text = open(sch_path, encoding="utf-8-sig").read()
text = text.replace('queryBinding="xslt2"', 'queryBinding="xslt"')
text = text.replace("matches(@target,'https?://.+')",
                    "(starts-with(@target,'http://') or starts-with(@target,'https://'))")
text = text.replace("./local-name()", "local-name(.)")
if "matches(" in text:
    print("cannot check: the schema needs XPath 2")
    sys.exit(2)
schema = isoschematron.Schematron(etree.XML(text.encode("utf-8")), store_report=True)
ok = schema.validate(etree.parse(doc_path))
if not ok:
    svrl = "{http://purl.oclc.org/dsdl/svrl}"
    for f in schema.validation_report.iter(svrl + "failed-assert"):
        print(f.get("location"), "".join(f.itertext()).strip())
print("valid" if ok else "invalid")
sys.exit(0 if ok else 1)
