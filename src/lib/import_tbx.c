/*
** import_tbx.c — `glossa import`: a TBX file as other tools write it, read
** into a term base in memory and written as TEI in glossa's encoding.
**
** Reads TBX 2019 (tbx/conceptEntry/langSec/termSec; DCA style, and DCT
** style where data categories are elements of their own namespace) and TBX
** 2008 (martif/termEntry/langSet with tig or ntig/termGrp). What glossa's
** encoding has a place for is kept: terms with administrativeStatus
** (normativeAuthorization, usageStatus), termType, geographicalUsage;
** definitions and contexts with their sources; notes; cross-references
** between concepts; and the "[glossa] …" notes of glossa's own export.
** Everything else is counted and reported, never dropped silently.
**
** Rules of the encoding the importer enforces: language tags in the member
** set (others are left out, per language, with a warning; --lang-map reads a
** code as another language; bare "uz" gets its script from the text); a
** preferred term in every concept, Russian in the annex's kind of term base
** (a file where some concept has none is written as <TEI type="termbase">;
** a concept with no term in a member language is left out, with a warning);
** ids made into valid slugs.
**
** Safety: the file is read by xml_in.c: no network, no DTD loading, no
** entity substitution; a DOCTYPE is accepted only without an internal subset
** (TBX 2008 files name their DTD; the parser decides) and is never read;
** compressed input is refused; size and attributes per element are bounded.
** Every text and attribute value passes glossa__text_refused() (controls,
** bidi controls; in terms and ids invisible characters and size).
**
** This file reads the file as a whole (safety checks, header, back matter,
** cross-references, the report); import_concept.c reads one concept and
** import_values.c holds the small parts (DOM, languages, ids, sources).
*/
#include "import_int.h"
#include "xml_in.h"

#include <stdio.h>
#include <string.h>

#define MAX_TBX_BYTES ((size_t)256 * 1024 * 1024)

/* The first reference to an entity that only the (unread) DTD could
** declare, or NULL: its text would silently be missing. */
static xmlNodePtr entity_ref(xmlNodePtr n, int depth)
{
    for (; n && depth < 256; n = n->next) {
        xmlNodePtr found;
        if (n->type == XML_ENTITY_REF_NODE)
            return n;
        if (n->type == XML_ELEMENT_NODE && (found = entity_ref(n->children, depth + 1)))
            return found;
    }
    return NULL;
}

/* The file into a DOM, by the one reader of untrusted XML (xml_in.c). */
static int parse(const char *path, xmlDocPtr *out, glossa_error *err)
{
    struct xml_in in;
    xmlDocPtr doc;
    int rc;

    memset(&in, 0, sizeof in);
    in.path = path;
    in.what = "a TBX file";
    in.named_dtd_ok = 1;
    in.doctype_msg = "DOCTYPE with an internal subset refused: it could declare entities (a "
                     "DOCTYPE that only names its DTD is accepted)";
    in.max_bytes = MAX_TBX_BYTES;
    in.err = err;
    if (!(rc = glossa__xml_in_open(&in)))
        rc = glossa__xml_in_doc(&in, &doc);
    glossa__xml_in_close(&in);
    if (rc)
        return rc;
    {
        xmlNodePtr ref = entity_ref(doc->children, 0);
        if (ref) {
            rc = glossa__error_set(err, GLOSSA_EINPUT, path, line_of(ref->parent), 0,
                                       "entity '&%s;' is not declared in the file (glossa never "
                                       "reads a DTD): write the character itself",
                                       (const char *)ref->name);
            xmlFreeDoc(doc);
            return rc;
        }
    }
    *out = doc;
    return 0;
}

static void read_header(struct importer *im, xmlNodePtr header)
{
    xmlNodePtr fd, c, t;
    for (fd = header->children; fd; fd = fd->next) {
        if (!is(fd, "fileDesc"))
            continue;
        for (c = fd->children; c; c = c->next)
            if (is(c, "titleStmt"))
                for (t = c->children; t; t = t->next)
                    if (is(t, "title") && !im->tb->title && *glossa__tbx_text(im, t))
                        im->tb->title = glossa__tbx_text(im, t);
    }
}

/* Cross-references to concepts that were kept become <xr>s. */
static int by_tbx_id(const void *a, const void *b)
{
    const struct id_alias *x = a, *y = b;
    int c = strcmp(x->tbx_id, y->tbx_id);
    return c ? c : (x->entry < y->entry ? -1 : x->entry > y->entry);
}

/* The entry a TBX id names (the first one, if the file repeats an id). */
static struct tei_entry *aliased(struct importer *im, const char *tbx_id)
{
    size_t lo = 0, hi = im->n_aliases;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(im->aliases[mid].tbx_id, tbx_id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < im->n_aliases && strcmp(im->aliases[lo].tbx_id, tbx_id) == 0)
        return &im->tb->entries[im->aliases[lo].entry];
    return NULL;
}

static void resolve_refs(struct importer *im)
{
    struct glossa_tb *tb = im->tb;
    size_t i;
    if (im->n_aliases > 1)
        qsort(im->aliases, im->n_aliases, sizeof *im->aliases, by_tbx_id);
    for (i = 0; i < im->n_refs; i++) {
        const struct ref_pending *p = &im->refs[i];
        struct tei_entry *from = &tb->entries[p->from], *to = aliased(im, p->target);
        struct tei_xref *x;
        if (!from->n_terms)
            continue; /* the concept itself was left out */
        if (!to || !to->n_terms) {
            glossa__xc_warn(&im->r, p->line,
                            "concept '%s': cross-reference to '%s' left out: %s", from->id,
                            p->target, to ? "that concept was left out" : "no such concept");
            if (im->stats)
                im->stats->dropped++;
            continue;
        }
        x = &from->xrefs[from->n_xrefs++];
        x->type = p->type ? p->type : "related";
        x->target = to->id;
        x->label = *p->label ? p->label : NULL;
        x->line = p->line;
        if (!x->label) { /* the target's preferred Russian term, else its first preferred one */
            const struct tei_term *t = glossa__entry_preferred(to, "ru");
            if (!t)
                t = glossa__entry_preferred(to, NULL);
            x->label = t ? t->text : NULL;
        }
    }
}

/* Drop the entries that were left out; count what stays. */
static void compact(struct importer *im)
{
    struct glossa_tb *tb = im->tb;
    size_t i, k = 0;
    for (i = 0; i < tb->n_entries; i++) {
        if (!tb->entries[i].n_terms)
            continue;
        if (im->stats) {
            im->stats->concepts++;
            im->stats->terms += tb->entries[i].n_terms;
            im->stats->definitions += tb->entries[i].n_defs;
        }
        if (k != i)
            tb->entries[k] = tb->entries[i];
        k++;
    }
    tb->n_entries = k;
}

/* One warning per kind of thing left out, in the order first met. */
static void report_tallies(struct importer *im)
{
    size_t i;
    for (i = 0; i < im->n_tallies; i++) {
        const struct tally *t = &im->tallies[i];
        if (t->is_language) {
            glossa__xc_warn(&im->r, t->line,
                            "language '%s' is not a member language: %lu term%s left out "
                            "(--lang-map %s=LANG reads it as a member language)",
                            t->what, t->count, t->count == 1 ? "" : "s", t->what);
        } else {
            glossa__xc_warn(&im->r, t->line, "%s has no place in glossa's encoding: %lu left "
                            "out%s%s", t->what, t->count, t->hint[0] ? "; " : "", t->hint);
            if (im->stats)
                im->stats->dropped += t->count;
        }
    }
    if (im->no_status)
        glossa__xc_warn(&im->r, 0,
                        "%lu term%s had no administrativeStatus: the first term of each "
                        "language was taken as preferred, the others as admitted",
                        im->no_status, im->no_status == 1 ? "" : "s");
    if (im->renamed)
        glossa__xc_warn(&im->r, 0,
                        "%lu concept id%s %s not valid xml:ids and were made into slugs (%s)",
                        im->renamed, im->renamed == 1 ? "" : "s", im->renamed == 1 ? "was" : "were",
                        im->renamed_example);
}

static int check_lang_map(const char *map, glossa_error *err)
{
    const char *p;
    size_t n;
    while (glossa_list_next(&map, &p, &n)) {
        const char *eq = memchr(p, '=', n);
        char to[64];
        if (!eq || eq == p || (size_t)(p + n - eq - 1) >= sizeof to || p + n == eq + 1)
            return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                     "--lang-map takes FROM=TO[,FROM=TO…], not '%.*s'", (int)n, p);
        memcpy(to, eq + 1, (size_t)(p + n - eq - 1));
        to[p + n - eq - 1] = '\0';
        glossa__tbx_canonical_tag(to, to, sizeof to);
        if (!glossa_lang_is_valid(to) || strcmp(to, "uz") == 0)
            return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                     "--lang-map: '%s' is not a member language tag (ru zh en kk "
                                     "ky tg hi ur fa be, uz-Latn, uz-Cyrl, …)", to);
    }
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int glossa_import_tbx(const char *path, const glossa_import_opts *opts, char **out,
                      size_t *out_len, glossa_exchange_stats *stats, glossa_error *err)
{
    struct importer im;
    struct glossa_buf tei = GLOSSA_BUF_INIT, note = GLOSSA_BUF_INIT;
    glossa_exchange_stats local;
    xmlDocPtr doc = NULL;
    xmlNodePtr root, c, body = NULL, b;
    size_t place = 0, total = 0, counted = 0;
    glossa_index_stats so_far = { .files = 1 };
    glossa_progress_fn progress = opts && opts->version >= 2 ? opts->on_progress : NULL;
    int rc, v2008;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_IMPORT_OPTS_VERSION, "glossa_import_opts", err))
        return GLOSSA_EINPUT;
    if (opts && opts->id_prefix && *opts->id_prefix && !glossa__tbx_is_slug(opts->id_prefix))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "--id-prefix must be a slug ([a-z][a-z0-9-]*), not '%s'",
                                 opts->id_prefix);
    if ((rc = check_lang_map(opts ? opts->lang_map : NULL, err)))
        return rc;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    memset(&im, 0, sizeof im);
    im.opts = opts;
    im.stats = stats;
    im.path = path;
    im.r.fn = opts ? opts->on_warning : NULL;
    im.r.userdata = opts ? opts->userdata : NULL;
    im.r.file = path;
    im.r.stats = stats;
    im.r.strict = opts && opts->version >= 3 && opts->strict;
    if ((rc = parse(path, &doc, err)))
        return rc;
    if (opts && opts->version >= 3 && opts->schema &&
        (rc = glossa__tbx_schema_check(doc, path, opts->schema, &im.r, err))) {
        xmlFreeDoc(doc);
        return rc;
    }
    root = xmlDocGetRootElement(doc);
    if (!root || !(is(root, "tbx") || is(root, "martif"))) {
        rc = glossa__error_set(err, GLOSSA_EINPUT, path, line_of(root), 0,
                               "not TBX: the root element is <%s>, not <tbx> (TBX 2019) or "
                               "<martif> (TBX 2008)", root ? (const char *)root->name : "?");
        xmlFreeDoc(doc);
        return rc;
    }
    v2008 = is(root, "martif");
    if ((rc = glossa__tb_new(&im.tb, err))) {
        xmlFreeDoc(doc);
        return rc;
    }
    {
        const char *raw = glossa__tbx_attr(&im, root, "lang", XML_XML_NAMESPACE);
        im.root_lang = raw ? glossa__tbx_member_tag(&im, raw, NULL, line_of(root)) : NULL;
    }
    for (c = root->children; c; c = c->next) {
        if (is(c, "tbxHeader") || is(c, "martifHeader"))
            read_header(&im, c);
        else if (is(c, "text"))
            for (b = c->children; b; b = b->next) {
                if (is(b, "body"))
                    body = b;
                else if (is(b, "back"))
                    glossa__tbx_read_back(&im, b);
            }
    }
    if (glossa__buf_addf(&note, "%s%s%s, TBX file", base_name(path), im.tb->title ? ": " : "",
                         im.tb->title ? im.tb->title : ""))
        im.oom = 1;
    im.file_citation = glossa__buf_str(&note);
    for (c = body ? body->children : NULL; c && progress; c = c->next)
        if (is(c, "conceptEntry") || is(c, "termEntry"))
            total++;
    for (c = body ? body->children : NULL; c && !im.oom && !im.refused.code; c = c->next)
        if (is(c, "conceptEntry") || is(c, "termEntry")) {
            glossa__tbx_read_concept(&im, c, ++place);
            if (progress && (place % 1000 == 0 || place == total)) {
                for (; counted < im.tb->n_entries; counted++)
                    so_far.terms += im.tb->entries[counted].n_terms;
                so_far.concepts = im.tb->n_entries;
                progress(&so_far, place, total, opts->userdata);
            }
        } else if (c->type == XML_ELEMENT_NODE)
            glossa__tbx_ignored(&im, c);
    if (im.refused.code) {
        rc = im.refused.code;
        if (err)
            *err = im.refused;
    }
    if (!rc && !im.oom && glossa__tbx_unique_ids(&im))
        im.oom = 1;
    if (!rc && !im.oom) {
        resolve_refs(&im);
        compact(&im);
        report_tallies(&im);
    }
    if (!rc && !im.oom && glossa__buf_addf(&tei, "%s", "") == 0) {
        struct glossa_buf origin = GLOSSA_BUF_INIT;
        if (glossa__buf_addf(&origin, "Imported by glossa %s from %s (TBX %s).", GLOSSA_VERSION,
                             base_name(path), v2008 ? "2008, martif" : "2019"))
            im.oom = 1;
        im.tb->origin = glossa__buf_str(&origin);
        if (!im.oom && im.r.strict && stats->warnings)
            rc = glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0,
                                   "--strict: %lu problem%s (above); nothing imported",
                                   (unsigned long)stats->warnings, stats->warnings == 1 ? "" : "s");
        else if (!im.oom && im.tb->n_entries == 0)
            rc = glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0,
                                   "nothing to import: %lu concept%s read, none with a term in a "
                                   "member language%s", (unsigned long)place, place == 1 ? "" : "s",
                                   im.opts && im.opts->lang_map ? "" :
                                   " (--lang-map reads another language code as one)");
        else if (!im.oom && glossa__write_tei(im.tb, &tei))
            im.oom = 1;
        glossa__buf_release(&origin);
    }
    if (im.oom && !rc)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, path, 0, 0, "out of memory");
    glossa__tb_free(im.tb);
    glossa__free(im.tallies);
    glossa__free(im.refs);
    glossa__free(im.aliases);
    glossa__free(im.sources);
    glossa__buf_release(&note);
    xmlFreeDoc(doc);
    if (rc) {
        glossa__buf_release(&tei);
        return rc;
    }
    *out = tei.data;
    *out_len = tei.len;
    return 0;
}
