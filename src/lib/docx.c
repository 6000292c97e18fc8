/*
** docx.c — the DOCX writer of the document model (doc.c): a minimal Office
** Open XML package (content types, relationships, document, styles, a
** footer with the page number, document properties: title, language, draft
** status) zipped in memory (zip.c). Deletions are struck through in red
** and insertions underlined in green, so the comparative table reads the same
** in Word and LibreOffice. The signature block is a borderless table, a
** column per Party with a line to sign on. Entries carry a fixed time stamp
** and the properties no dates, so the bytes are the same for the same
** document, in any time zone. glossa__doc_write writes a document in any
** format: doc.c's three, or DOCX.
*/
#include "glossa_int.h"

#include <string.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define OOXML_TYPE "application/vnd.openxmlformats-officedocument."

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"" OOXML_TYPE "wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"" OOXML_TYPE "extended-properties+xml\"/>"
    "</Types>\n";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "footer\" Target=\"footer1.xml\"/>"
    "</Relationships>\n";

/* The footer: the page number, centred (a PAGE field). */
static const char footer_xml[] =
    XML_DECL "<w:ftr xmlns:w=\"" W_NS "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
    "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>\n";

static const char app_xml[] =
    XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    "<Application>glossa</Application><DocSecurity>0</DocSecurity></Properties>\n";

/* Paragraph styles: id, alignment, bold, size in half-points, left indent, colour. */
static const struct {
    const char *id, *jc;
    int bold, size, indent;
    const char *color;
} styles[] = {
    { "Normal", "both", 0, 24, 0, NULL },
    { "Draft", "right", 1, 24, 0, "AA0000" },
    { "Title", "center", 1, 28, 0, NULL },
    { "Subtitle", "center", 1, 24, 0, NULL },
    { "Article", "center", 1, 24, 0, NULL },
    { "Item", "both", 0, 24, 0, NULL },
    { "Quotation", "both", 0, 24, 720, NULL },
    { "Signature", "left", 0, 22, 0, NULL },
    { "DraftingNote", "left", 0, 20, 0, "555555" },
    { "TableTitle", "center", 1, 24, 0, NULL },
    { "Cell", "left", 0, 22, 0, NULL },
    { "Footer", "center", 0, 20, 0, NULL },
};

/* The language of the document for Word: ru-RU, zh-CN, en-GB. */
static const char *word_lang(const char *lang)
{
    return strcmp(lang, "zh") == 0 ? "zh-CN" : strcmp(lang, "en") == 0 ? "en-GB" : "ru-RU";
}

/* The first block of a kind, or NULL. */
static const struct doc_block *first_block(const struct glossa_doc *d, enum doc_kind kind)
{
    size_t i;
    for (i = 0; i < d->n; i++)
        if (d->blocks[i].kind == kind)
            return &d->blocks[i];
    return NULL;
}

/* Document properties: title, language and status (the draft mark, e.g.
** ПРОЕКТ), so a file list or a document management system shows them. No
** dates: the same document, the same bytes. */
static int core_xml(const struct glossa_doc *d, struct glossa_buf *out)
{
    const struct doc_block *draft = first_block(d, DOC_DRAFT), *title = first_block(d, DOC_TITLE),
                           *subtitle = first_block(d, DOC_SUBTITLE);
    int rc = glossa__buf_adds(out,
        XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>");
    /* the whole title: "ПРОТОКОЛ" and "о внесении изменений …" */
    if (!rc && title && title->n_runs && subtitle && subtitle->n_runs)
        rc = glossa__xml_escape(out, title->runs[0].text, NULL) || glossa__buf_adds(out, " ") ||
             glossa__xml_escape(out, subtitle->runs[0].text, NULL);
    else
        rc = rc || glossa__xml_escape(out, d->title ? d->title : "", NULL);
    rc = rc || glossa__buf_addf(out, "</dc:title><dc:language>%s</dc:language>", word_lang(d->lang));
    if (!rc && draft && draft->n_runs) {
        rc = glossa__buf_adds(out, "<cp:contentStatus>") ||
             glossa__xml_escape(out, draft->runs[0].text, NULL) ||
             glossa__buf_adds(out, "</cp:contentStatus>");
    }
    rc = rc || glossa__buf_adds(out, "<dc:creator>glossa</dc:creator></cp:coreProperties>\n");
    return rc ? GLOSSA_ENOMEM : 0;
}

static int styles_xml(const char *lang, struct glossa_buf *out)
{
    size_t i;
    int rc = glossa__buf_addf(out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:styles xmlns:w=\"" W_NS "\">"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"SimSun\"/>"
        "<w:sz w:val=\"24\"/><w:lang w:val=\"%s\" w:eastAsia=\"zh-CN\"/>"
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault>"
        "</w:docDefaults>",
        word_lang(lang));
    for (i = 0; i < sizeof styles / sizeof styles[0] && !rc; i++) {
        rc = glossa__buf_addf(out, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"%s>"
                                   "<w:name w:val=\"%s\"/>%s<w:pPr><w:jc w:val=\"%s\"/>",
                              styles[i].id, i == 0 ? " w:default=\"1\"" : "", styles[i].id,
                              i == 0 ? "" : "<w:basedOn w:val=\"Normal\"/>", styles[i].jc);
        if (!rc)
            rc = i == 0 ? glossa__buf_adds(out, "<w:ind w:firstLine=\"709\"/>")
                        : glossa__buf_addf(out, "<w:ind w:left=\"%d\" w:firstLine=\"0\"/>",
                                           styles[i].indent);
        rc = rc || glossa__buf_adds(out, "</w:pPr><w:rPr>");
        if (!rc && styles[i].bold)
            rc = glossa__buf_adds(out, "<w:b/>");
        if (!rc && styles[i].color)
            rc = glossa__buf_addf(out, "<w:color w:val=\"%s\"/>", styles[i].color);
        rc = rc || glossa__buf_addf(out, "<w:sz w:val=\"%d\"/></w:rPr></w:style>", styles[i].size);
    }
    rc = rc || glossa__buf_adds(out, "</w:styles>\n");
    return rc ? GLOSSA_ENOMEM : 0;
}

/* Text inside <w:t>: XML-escaped, a newline becomes a line break. */
static int add_text(struct glossa_buf *out, const char *s)
{
    return glossa__xml_escape(out, s, "</w:t><w:br/><w:t xml:space=\"preserve\">");
}

static int runs_xml(struct glossa_buf *out, const struct doc_run *runs, size_t n)
{
    size_t i;
    int rc = 0;
    for (i = 0; i < n && !rc; i++) {
        rc = glossa__buf_adds(out, "<w:r>");
        if (!rc && runs[i].style == RUN_DEL)
            rc = glossa__buf_adds(out, "<w:rPr><w:strike/><w:color w:val=\"AA0000\"/></w:rPr>");
        else if (!rc && runs[i].style == RUN_INS)
            rc = glossa__buf_adds(out, "<w:rPr><w:u w:val=\"single\"/><w:color w:val=\"006600\"/></w:rPr>");
        rc = rc || glossa__buf_adds(out, "<w:t xml:space=\"preserve\">") ||
             add_text(out, runs[i].text) || glossa__buf_adds(out, "</w:t></w:r>");
    }
    return rc;
}

static const char *style_of(enum doc_kind kind)
{
    switch (kind) {
    case DOC_DRAFT: return "Draft";
    case DOC_TITLE: return "Title";
    case DOC_SUBTITLE: return "Subtitle";
    case DOC_ARTICLE: return "Article";
    case DOC_ITEM: return "Item";
    case DOC_QUOTE: return "Quotation";
    case DOC_SIGNATURE: return "Signature";
    case DOC_NOTE: return "DraftingNote";
    case DOC_TABLE_TITLE: case DOC_HEADING: return "TableTitle";
    default: return "Normal";
    }
}

/* The share of column c of a table in fiftieths of a percent: with more
** than two columns (the comparative table with proposal and rationale), the
** two texts compared get five parts each, the others four (a heading such
** as «Обоснование» then fits unbroken). */
static size_t column_width(size_t c, size_t columns)
{
    if (columns <= 2)
        return 5000 / columns;
    if (columns > 6) /* a matrix: a wide first column, narrow equal others */
        return c == 0 ? 1400 : 3600 / (columns - 1);
    return 5000 * (c < 2 ? 5 : 4) / (10 + 4 * (columns - 2));
}

static int cell_xml(struct glossa_buf *out, const struct doc_run *runs, size_t n, int head,
                    size_t width)
{
    return glossa__buf_addf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%zu\" w:type=\"pct\"/></w:tcPr>"
                                 "<w:p><w:pPr><w:pStyle w:val=\"Cell\"/></w:pPr>", width) ||
           (head && glossa__buf_adds(out, "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">") ) ||
           (head ? add_text(out, n ? runs[0].text : "") || glossa__buf_adds(out, "</w:t></w:r>")
                 : runs_xml(out, runs, n)) ||
           glossa__buf_adds(out, "</w:p></w:tc>");
}

/* The signature block: the n consecutive DOC_SIGNATURE blocks at b as a
** borderless table, a cell per Party (its name, room to sign, a line to
** sign on), three to a row: six or ten columns on A4 would break the words. */
#define SIGNATURE_COLUMNS 3
static int signatures_xml(struct glossa_buf *out, const struct doc_block *b, size_t n)
{
    size_t cols = n < SIGNATURE_COLUMNS ? n : SIGNATURE_COLUMNS, i;
    int rc = glossa__buf_adds(out, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                                   "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    for (i = 0; i < cols && !rc; i++)
        rc = glossa__buf_addf(out, "<w:gridCol w:w=\"%zu\"/>", (size_t)9355 / cols);
    rc = rc || glossa__buf_adds(out, "</w:tblGrid>");
    for (i = 0; i < (n + cols - 1) / cols * cols && !rc; i++) {
        rc = (i % cols == 0 && glossa__buf_adds(out, "<w:tr><w:trPr><w:cantSplit/></w:trPr>")) ||
             glossa__buf_addf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%zu\" w:type=\"pct\"/>"
                                   "<w:vAlign w:val=\"bottom\"/></w:tcPr>"
                                   "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/></w:pPr>",
                              (size_t)5000 / cols) ||
             (i < n && runs_xml(out, b[i].runs, b[i].n_runs)) ||
             glossa__buf_adds(out, "</w:p>") ||
             (i < n && glossa__buf_adds(out, "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/>"
                                             "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\"/></w:pBdr>"
                                             "<w:spacing w:before=\"1134\" w:after=\"480\"/>"
                                             "<w:ind w:right=\"284\"/></w:pPr></w:p>")) ||
             glossa__buf_adds(out, "</w:tc>") ||
             (i % cols == cols - 1 && glossa__buf_adds(out, "</w:tr>"));
    }
    rc = rc || glossa__buf_adds(out, "</w:tbl>");
    return rc;
}

static int document_xml(const struct glossa_doc *d, struct glossa_buf *out)
{
    size_t i, c, columns = 2;
    int rc, in_table = 0, page_break = 0;

    rc = glossa__buf_adds(out, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>");
    for (i = 0; i < d->n && !rc; i++) {
        const struct doc_block *b = &d->blocks[i];
        int table = b->kind == DOC_TABLE_HEAD || b->kind == DOC_TABLE_ROW;
        if (!table && in_table) {
            rc = glossa__buf_adds(out, "</w:tbl>");
            in_table = 0;
        }
        if (b->kind == DOC_PAGE_BREAK) {
            page_break = 1;
            continue;
        }
        /* a break before a table is a paragraph of its own; before a
        ** paragraph, a property of it (no empty line atop the page) */
        if (!rc && page_break && (table || b->kind == DOC_SIGNATURE))
            rc = glossa__buf_adds(out, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        if (table && !in_table) {
            rc = rc || glossa__buf_adds(out,
                "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
                "<w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>"
                "<w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>"
                "<w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
                "</w:tblBorders></w:tblPr><w:tblGrid>");
            columns = b->n_cells > 1 ? b->n_cells : 2;
            for (c = 0; c < columns && !rc; c++)
                rc = glossa__buf_addf(out, "<w:gridCol w:w=\"%zu\"/>",
                                      9600 * column_width(c, columns) / 5000);
            rc = rc || glossa__buf_adds(out, "</w:tblGrid>");
            in_table = 1;
        }
        if (rc)
            break;
        if (table) {
            int head = b->kind == DOC_TABLE_HEAD;
            rc = glossa__buf_adds(out, head ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>") ||
                 cell_xml(out, b->runs, b->n_runs, head, column_width(0, columns));
            for (c = 1; c < columns && !rc; c++)
                rc = cell_xml(out, b->more[c - 1].runs, b->more[c - 1].n_runs, head,
                              column_width(c, columns));
            rc = rc || glossa__buf_adds(out, "</w:tr>");
        } else if (b->kind == DOC_SIGNATURE) {
            size_t n = 1;
            while (i + n < d->n && d->blocks[i + n].kind == DOC_SIGNATURE)
                n++;
            rc = signatures_xml(out, b, n);
            i += n - 1;
        } else {
            rc = glossa__buf_addf(out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>",
                                  style_of(b->kind), page_break ? "<w:pageBreakBefore/>" : "") ||
                 runs_xml(out, b->runs, b->n_runs) || glossa__buf_adds(out, "</w:p>");
        }
        page_break = 0;
    }
    if (!rc && in_table)
        rc = glossa__buf_adds(out, "</w:tbl><w:p/>");
    rc = rc || glossa__buf_adds(out, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
                                     "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                                     "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" "
                                     "w:left=\"1701\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
                                     "</w:sectPr></w:body></w:document>\n");
    return rc ? GLOSSA_ENOMEM : 0;
}

int glossa__doc_docx(const struct glossa_doc *d, struct glossa_buf *out, glossa_error *err)
{
    struct glossa_buf doc = GLOSSA_BUF_INIT, sty = GLOSSA_BUF_INIT, core = GLOSSA_BUF_INIT;
    int rc;

    if (document_xml(d, &doc) || styles_xml(d->lang, &sty) || core_xml(d, &core)) {
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    } else {
        const struct glossa_zip_part parts[] = {
            {"[Content_Types].xml", content_types, sizeof content_types - 1},
            {"_rels/.rels", package_rels, sizeof package_rels - 1},
            {"word/_rels/document.xml.rels", document_rels, sizeof document_rels - 1},
            {"word/document.xml", doc.data, doc.len},
            {"word/styles.xml", sty.data, sty.len},
            {"word/footer1.xml", footer_xml, sizeof footer_xml - 1},
            {"docProps/core.xml", core.data, core.len},
            {"docProps/app.xml", app_xml, sizeof app_xml - 1},
        };
        rc = glossa__zip_write(parts, sizeof parts / sizeof parts[0], out, err);
    }
    glossa__buf_release(&doc);
    glossa__buf_release(&sty);
    glossa__buf_release(&core);
    return rc;
}

/* ---- any format ------------------------------------------------------------------------ */

int glossa__doc_write(const struct glossa_doc *d, glossa_doc_format format, char **out,
                      size_t *out_len, glossa_error *err)
{
    struct glossa_buf buf = GLOSSA_BUF_INIT;
    int rc;
    switch (format) {
    case GLOSSA_FORMAT_MD: rc = glossa__doc_markdown(d, &buf); break;
    case GLOSSA_FORMAT_HTML: rc = glossa__doc_html(d, &buf); break;
    case GLOSSA_FORMAT_TEI: rc = glossa__doc_tei(d, &buf); break;
    case GLOSSA_FORMAT_DOCX: rc = glossa__doc_docx(d, &buf, err); break;
    case GLOSSA_FORMAT_AKN:
        rc = glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                               "Akoma Ntoso (akn) is written for the protocol only: choose "
                               "md, html, docx or tei for this document");
        break;
    default: rc = glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "unknown format"); break;
    }
    /* NUL-terminated (not counted), so text formats can be used as strings */
    if (rc == GLOSSA_ENOMEM || (!rc && glossa__buf_add(&buf, "", 0)))
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc) {
        *out_len = buf.len;
        *out = buf.data;
        buf.data = NULL;
    }
    glossa__buf_release(&buf);
    return rc;
}
