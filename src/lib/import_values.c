/*
** import_values.c — the small parts of reading TBX (import_tbx.c): DOM
** helpers and data categories (DCA and DCT style), the tally of what is left
** out, language tags (BCP 47 case, --lang-map, the script of a bare uz),
** concept ids made into slugs, sources (admin source, glossa's refObjects)
** and the values of status, termType and geographicalUsage.
*/
#include "import_int.h"
#include "xml_in.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- small DOM helpers ------------------------------------------------------------- */

/* A text of n that glossa__text_refused() refuses: the first is kept. */
static void check_text(struct importer *im, xmlNodePtr n, const char *s, const char *field,
                       int kind)
{
    char why[160];
    if (s && !im->refused.code && glossa__text_refused(s, kind, why, sizeof why))
        glossa__error_set(&im->refused, GLOSSA_EINPUT, im->path, line_of(n), 0, "%s %s", field,
                          why);
}

/* An attribute's value, whitespace squeezed, in the arena (NULL if absent). */
const char *glossa__tbx_attr(struct importer *im, xmlNodePtr n, const char *name, const xmlChar *ns)
{
    xmlChar *raw =
        ns ? xmlGetNsProp(n, (const xmlChar *)name, ns) : xmlGetNoNsProp(n, (const xmlChar *)name);
    const char *s;
    char field[80];
    if (!raw)
        return NULL;
    s = STR((const char *)raw);
    xmlFree(raw);
    snprintf(field, sizeof field, "attribute %s%s", ns ? "xml:" : "", name);
    check_text(im, n, s, field, strcmp(name, "id") == 0 ? TEXT_TERM : TEXT_FIELD);
    return s;
}

/* Text content with XML white space collapsed and trimmed, in the arena. */
const char *glossa__tbx_text(struct importer *im, xmlNodePtr n)
{
    xmlChar *raw = xmlNodeGetContent(n);
    char *out = glossa__arena_squeeze(im->tb->arena, raw ? (const char *)raw : "");
    const char *kind = NULL, *field;
    xmlFree(raw);
    if (!out) {
        im->oom = 1;
        return "";
    }
    field = is(n, "term") ? "term" : glossa__tbx_category(im, n, &kind);
    check_text(im, n, out, field && *field ? field : (const char *)n->name,
               is(n, "term") ? TEXT_TERM : TEXT_FIELD);
    return out;
}

/* The data category of an element: DCA style <descrip type="definition">
** gives "definition" (and *kind "descrip"); DCT style <basic:definition>
** gives "definition" (and *kind "dct"). NULL for structural elements. */
const char *glossa__tbx_category(struct importer *im, xmlNodePtr n, const char **kind)
{
    static const char *const dca[] = { "admin", "descrip", "termNote", "ref", "xref", "transac",
                                       "transacNote", "adminNote", "descripNote", NULL };
    const char *const *k;
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    if (!is_core(n)) {
        *kind = "dct";
        return (const char *)n->name;
    }
    for (k = dca; *k; k++) {
        if (strcmp((const char *)n->name, *k) == 0) {
            const char *t = glossa__tbx_attr(im, n, "type", NULL);
            *kind = *k;
            return t ? t : "";
        }
    }
    return NULL;
}

/* ---- reporting ------------------------------------------------------------------------ */

void glossa__tbx_tally(struct importer *im, long line, int is_language, unsigned long count,
                       const char *hint, const char *fmt, ...)
{
    char what[96];
    va_list ap;
    size_t i;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    for (i = 0; i < im->n_tallies; i++) {
        if (strcmp(im->tallies[i].what, what) == 0) {
            im->tallies[i].count += count;
            return;
        }
    }
    if (glossa__grow((void **)&im->tallies, &im->cap_tallies, im->n_tallies,
                         sizeof *im->tallies)) {
        im->oom = 1;
        return;
    }
    snprintf(im->tallies[im->n_tallies].what, sizeof im->tallies[0].what, "%s", what);
    snprintf(im->tallies[im->n_tallies].hint, sizeof im->tallies[0].hint, "%s", hint ? hint : "");
    im->tallies[im->n_tallies].count = count;
    im->tallies[im->n_tallies].line = line;
    im->tallies[im->n_tallies].is_language = is_language;
    im->n_tallies++;
}

/* An element whose data category glossa has no place for (for a group:
** the category of its first element). */
void glossa__tbx_ignored(struct importer *im, xmlNodePtr n)
{
    const char *kind = NULL, *cat;
    size_t len = strlen((const char *)n->name);
    if (is_core(n) && len > 3 && strcmp((const char *)n->name + len - 3, "Grp") == 0) {
        xmlNodePtr c;
        for (c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                n = c;
                break;
            }
    }
    cat = glossa__tbx_category(im, n, &kind);
    if (cat)
        glossa__tbx_tally(im, line_of(n), 0, 1, NULL, "data category '%s' (%s)", cat, kind);
    else
        glossa__tbx_tally(im, line_of(n), 0, 1, NULL, "element <%s>", (const char *)n->name);
}

/* ---- languages ------------------------------------------------------------------------ */

/* BCP 47 case: language lower, script title, region upper; '_' read as '-'. */
void glossa__tbx_canonical_tag(const char *raw, char *out, size_t size)
{
    size_t i = 0, part = 0, start = 0, n = strlen(raw);
    if (n >= size)
        n = size - 1;
    memmove(out, raw, n); /* raw may be out */
    out[n] = '\0';
    for (i = 0;; i++) {
        if (out[i] == '_')
            out[i] = '-';
        if (out[i] == '-' || out[i] == '\0') {
            size_t len = i - start, k;
            for (k = start; k < i; k++)
                out[k] = (char)(part == 0 || len != 2 ? tolower((unsigned char)out[k])
                                                      : toupper((unsigned char)out[k]));
            if (part > 0 && len == 4)
                out[start] = (char)toupper((unsigned char)out[start]);
            part++;
            start = i + 1;
            if (out[i] == '\0')
                break;
        }
    }
}

/* The script of the first letters of text: "Latn", "Cyrl", "Arab" or NULL. */
static const char *script_of(const char *text)
{
    int32_t i = 0, len = (int32_t)strlen(text);
    while (i < len) {
        UChar32 c;
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode sc;
        U8_NEXT(text, i, len, c);
        if (c < 0 || !u_isalpha(c))
            continue;
        sc = uscript_getScript(c, &status);
        if (U_FAILURE(status))
            return NULL;
        if (sc == USCRIPT_LATIN)
            return "Latn";
        if (sc == USCRIPT_CYRILLIC)
            return "Cyrl";
        if (sc == USCRIPT_ARABIC)
            return "Arab";
        return NULL;
    }
    return NULL;
}

/* What --lang-map says for raw, or NULL. */
static const char *mapped(struct importer *im, const char *raw, char *buf, size_t size)
{
    const char *cur = im->opts ? im->opts->lang_map : NULL, *p;
    char from[64], want[64];
    size_t n;
    if (!cur)
        return NULL;
    glossa__tbx_canonical_tag(raw, want, sizeof want);
    while (glossa_list_next(&cur, &p, &n)) {
        const char *eq = memchr(p, '=', n);
        if (eq && (size_t)(eq - p) < sizeof from) {
            memcpy(from, p, (size_t)(eq - p));
            from[eq - p] = '\0';
            glossa__tbx_canonical_tag(from, from, sizeof from);
            if (strcasecmp(from, want) == 0) {
                size_t m = n - (size_t)(eq - p) - 1;
                if (m >= size)
                    return NULL;
                memcpy(buf, eq + 1, m);
                buf[m] = '\0';
                glossa__tbx_canonical_tag(buf, buf, size);
                return buf;
            }
        }
    }
    return NULL;
}

/* The member-language tag for a TBX language code, or NULL. sample is a
** term of the language, for the script of a bare "uz". */
const char *glossa__tbx_member_tag(struct importer *im, const char *raw, const char *sample,
                                   long line)
{
    char tag[64];
    const char *m;
    if (!raw || !*raw)
        return NULL;
    m = mapped(im, raw, tag, sizeof tag);
    if (!m)
        glossa__tbx_canonical_tag(raw, tag, sizeof tag);
    if (strcmp(tag, "uz") == 0 || strncmp(tag, "uz-", 3) == 0) {
        const char *rest = tag[2] ? tag + 3 : "";
        if (!(strlen(rest) >= 4 && (rest[4] == '\0' || rest[4] == '-') &&
              isalpha((unsigned char)rest[3]))) {
            const char *sc = sample ? script_of(sample) : NULL;
            char with[64];
            if (!sc)
                return NULL;
            snprintf(with, sizeof with, "uz-%s%s%s", sc, *rest ? "-" : "", rest);
            if (!im->uz_note[0]) {
                snprintf(im->uz_note, sizeof im->uz_note, "%s", with);
                glossa__xc_warn(&im->r, line,
                                "language '%s' names no script: read as '%s' from the script of "
                                "its terms (glossa keeps uz-Latn and uz-Cyrl apart)",
                                raw, with);
            }
            snprintf(tag, sizeof tag, "%s", with);
        }
    }
    if (!glossa_lang_is_valid(tag))
        return NULL;
    return STR(tag);
}

/* ---- ids ----------------------------------------------------------------------------- */

int glossa__tbx_is_slug(const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

/* s as a slug: ASCII letters and digits lower-cased, everything else one
** '-', at most max bytes; "" when nothing is left. */
static void slugify(const char *s, char *out, size_t max)
{
    size_t j = 0;
    for (; s && *s && j + 1 < max; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) && c < 0x80)
            out[j++] = (char)tolower(c);
        else if (j && out[j - 1] != '-')
            out[j++] = '-';
    }
    while (j && out[j - 1] == '-')
        j--;
    out[j] = '\0';
}

/* The TEI id of a concept: the TBX id if it is a valid slug, else made into
** one (from the TBX id, else from the first English term, else its place),
** with --id-prefix before it. Not yet unique: glossa__tbx_unique_ids(). */
const char *glossa__tbx_concept_id(struct importer *im, struct tei_entry *e, const char *tbx_id,
                                   size_t place)
{
    char base[160], slug[128];
    const char *prefix = im->opts && im->opts->id_prefix ? im->opts->id_prefix : "";
    size_t i;

    slug[0] = '\0';
    if (tbx_id)
        slugify(tbx_id, slug, 80);
    for (i = 0; !slug[0] && i < e->n_terms; i++)
        if (glossa__lang_matches(e->terms[i].lang, "en"))
            slugify(e->terms[i].text, slug, 80);
    if (!slug[0])
        snprintf(slug, sizeof slug, "concept-%zu", place);
    snprintf(base, sizeof base, "%s%s%s", prefix,
             !*prefix && !(slug[0] >= 'a' && slug[0] <= 'z') ? "c-" : "", slug);
    if (!glossa__tbx_is_slug(base))
        snprintf(base, sizeof base, "c-%s", slug);
    if (tbx_id && strcmp(base, tbx_id) != 0 && !*prefix && !im->renamed++)
        snprintf(im->renamed_example, sizeof im->renamed_example, "'%.80s' became '%.80s'",
                 tbx_id, base);
    return STR(base);
}

struct id_slot {
    const char *base;  /* the id before it was made unique */
    size_t index;      /* the entry's place in the file */
};

static int by_base(const void *a, const void *b)
{
    const struct id_slot *x = a, *y = b;
    int c = strcmp(x->base, y->base);
    return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

static int base_taken(const struct id_slot *sorted, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(sorted[mid].base, id);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int glossa__tbx_unique_ids(struct importer *im)
{
    struct glossa_tb *tb = im->tb;
    struct id_slot *sorted = glossa__malloc((tb->n_entries + 1) * sizeof *sorted);
    const char **made = NULL;
    size_t n = 0, i, n_made = 0, cap_made = 0;
    int rc = 0;

    if (!sorted)
        return GLOSSA_ENOMEM;
    for (i = 0; i < tb->n_entries; i++) {
        if (!tb->entries[i].n_terms)
            continue; /* a concept left out takes no id */
        sorted[n].base = tb->entries[i].id;
        sorted[n++].index = i;
    }
    qsort(sorted, n, sizeof *sorted, by_base); /* equal ids in the order of the file */
    for (i = 1; i < n && !rc; i++) {
        struct tei_entry *e = &tb->entries[sorted[i].index];
        char id[200];
        unsigned k;
        size_t j;
        int taken = 1;
        if (strcmp(sorted[i - 1].base, sorted[i].base) != 0)
            continue;
        for (k = 2; taken && k < 100000; k++) {
            snprintf(id, sizeof id, "%.180s-%u", sorted[i].base, k);
            taken = base_taken(sorted, n, id);
            for (j = 0; j < n_made && !taken; j++)
                taken = strcmp(made[j], id) == 0;
        }
        glossa__xc_warn(&im->r, e->line, "concept id '%s' is taken: '%s' used", sorted[i].base,
                        id);
        if (glossa__grow((void **)&made, &cap_made, n_made, sizeof *made) ||
            !(made[n_made] = STR(id)))
            rc = GLOSSA_ENOMEM;
        else
            e->id = made[n_made++];
    }
    glossa__free(made);
    glossa__free(sorted);
    return rc;
}

void glossa__tbx_alias(struct importer *im, const char *tbx_id, size_t e)
{
    if (!tbx_id)
        return;
    if (glossa__grow((void **)&im->aliases, &im->cap_aliases, im->n_aliases,
                         sizeof *im->aliases)) {
        im->oom = 1;
        return;
    }
    im->aliases[im->n_aliases].tbx_id = tbx_id;
    im->aliases[im->n_aliases].entry = e;
    im->n_aliases++;
}

/* ---- sources -------------------------------------------------------------------------- */

const char *glossa__tbx_file_bibl(struct importer *im)
{
    if (!im->file_bibl)
        im->file_bibl = glossa__tb_add_bibl(im->tb, "imported-tbx", "other", im->file_citation);
    if (!im->file_bibl)
        im->oom = 1;
    return im->file_bibl;
}

static const char *valid_bibl_type(const char *t)
{
    static const char *const types[] = { "instrument", "statement", "law", "other", NULL };
    const char *const *k;
    for (k = types; t && *k; k++)
        if (strcmp(t, *k) == 0)
            return *k;
    return "other";
}

/* The bibl of a refObject (glossa's export names its sources so); text is
** the citation where the refObject has none. */
static const char *source_obj_bibl(struct importer *im, const struct source_obj *s,
                                   const char *text)
{
    const char *id =
        strncmp(s->id, "src.", 4) == 0 && glossa__tbx_is_slug(s->id + 4) ? s->id + 4 : NULL;
    const char *citation = s->citation && *s->citation ? s->citation : text;
    char slug[64];
    if (!citation || !*citation)
        return NULL;
    if (!id) {
        slugify(citation, slug, 40);
        id = glossa__tbx_is_slug(slug) ? slug : "source";
    }
    id = glossa__tb_add_bibl(im->tb, id, valid_bibl_type(s->type), citation);
    if (!id)
        im->oom = 1;
    return id;
}

/* The bibl for an <admin type="source">: its refObject (glossa's export),
** else its text. */
const char *glossa__tbx_source_of(struct importer *im, xmlNodePtr admin)
{
    const char *target = glossa__tbx_attr(im, admin, "target", NULL),
               *text = glossa__tbx_text(im, admin);
    char slug[64];
    const char *id;
    size_t i;

    for (i = 0; target && i < im->n_sources; i++)
        if (strcmp(im->sources[i].id, target) == 0)
            return source_obj_bibl(im, &im->sources[i], text);
    if (!*text)
        return NULL;
    slugify(text, slug, 40);
    id = glossa__tb_add_bibl(im->tb, glossa__tbx_is_slug(slug) ? slug : "source", "other", text);
    if (!id)
        im->oom = 1;
    return id;
}

/* The source of a group (descripGrp …) or section: its admin source child. */
const char *glossa__tbx_group_source(struct importer *im, xmlNodePtr group)
{
    xmlNodePtr c;
    for (c = group->children; c; c = c->next) {
        const char *kind = NULL, *cat = glossa__tbx_category(im, c, &kind);
        if (cat && strcmp(cat, "source") == 0 && (!strcmp(kind, "admin") || !strcmp(kind, "dct")))
            return glossa__tbx_source_of(im, c);
    }
    return NULL;
}

static int is_date(const char *s)
{
    return glossa__date_check(s, NULL) == 0;
}

int glossa__tbx_wording_mark(struct importer *im, const char *text, struct wording *w)
{
    const char *p;
    if (strncmp(text, XC_MARK, strlen(XC_MARK)) != 0)
        return 0;
    p = text + strlen(XC_MARK);
    if (strcmp(p, "reconstruction") == 0) {
        w->basis = "reconstruction";
        return 1;
    }
    if (strcmp(p, "working translation") == 0) {
        w->basis = "working-translation";
        return 1;
    }
    if (strncmp(p, "from: ", 6) != 0 && strncmp(p, "to: ", 4) != 0)
        return 0;
    while (*p) {
        const char *end = strstr(p, "; ");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char item[40];
        if (n < sizeof item) {
            memcpy(item, p, n);
            item[n] = '\0';
            if (strncmp(item, "from: ", 6) == 0 && is_date(item + 6))
                w->from = STR(item + 6);
            else if (strncmp(item, "to: ", 4) == 0 && is_date(item + 4))
                w->to = STR(item + 4);
        }
        if (!end)
            break;
        p = end + 2;
    }
    return 1;
}

void glossa__tbx_group_wording(struct importer *im, xmlNodePtr group, struct wording *w)
{
    xmlNodePtr c;
    for (c = group->children; c; c = c->next)
        if (is(c, "note"))
            glossa__tbx_wording_mark(im, glossa__tbx_text(im, c), w);
}

void glossa__tbx_read_back(struct importer *im, xmlNodePtr back)
{
    xmlNodePtr sec, obj, item;
    for (sec = back->children; sec; sec = sec->next) {
        if (!is(sec, "refObjectSec") && !is(sec, "refObjectList"))
            continue;
        for (obj = sec->children; obj; obj = obj->next) {
            struct source_obj *s;
            if (!is(obj, "refObject"))
                continue;
            if (glossa__grow((void **)&im->sources, &im->cap_sources, im->n_sources,
                                 sizeof *s)) {
                im->oom = 1;
                return;
            }
            s = &im->sources[im->n_sources];
            s->id = glossa__tbx_attr(im, obj, "id", NULL);
            s->type = s->citation = NULL;
            for (item = obj->children; item; item = item->next) {
                const char *t = is(item, "item") ? glossa__tbx_attr(im, item, "type", NULL) : NULL;
                if (t && strcmp(t, "citation") == 0)
                    s->citation = glossa__tbx_text(im, item);
                else if (t && strcmp(t, "sourceType") == 0)
                    s->type = glossa__tbx_text(im, item);
            }
            if (!s->id)
                continue;
            im->n_sources++;
            /* glossa's export lists the sources of the term base in order: keep it */
            if (glossa__tbx_attr(im, sec, "type", NULL) &&
                !strcmp(glossa__tbx_attr(im, sec, "type", NULL), "source"))
                source_obj_bibl(im, s, NULL);
        }
    }
}

/* ---- values ------------------------------------------------------------------------- */

const char *glossa__tbx_status(const char *v)
{
    static const char *const map[][2] = {
        { "preferredTerm-admn-sts", "preferred" }, { "admittedTerm-admn-sts", "admitted" },
        { "deprecatedTerm-admn-sts", "deprecated" }, { "supersededTerm-admn-sts", "deprecated" },
        { "standardizedTerm-admn-sts", "preferred" }, { "legalTerm-admn-sts", "preferred" },
        { "regulatedTerm-admn-sts", "preferred" }, { "preferred", "preferred" },
        { "admitted", "admitted" }, { "deprecated", "deprecated" },
        { "notRecommended", "deprecated" }, { "obsolete", "deprecated" },
        { "superseded", "deprecated" },
    };
    size_t i;
    for (i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(v, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

const char *glossa__tbx_term_type(const char *v)
{
    static const char *const map[][2] = {
        { "fullForm", "fullForm" }, { "abbreviation", "abbreviation" },
        { "acronym", "acronym" }, { "shortForm", "shortForm" }, { "variant", "variant" },
        { "clippedTerm", "shortForm" }, { "initialism", "abbreviation" },
        { "orthographicalVariant", "variant" },
    };
    size_t i;
    for (i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(v, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

/* ISO 3166 alpha-2 or UN M.49; "en-US" gives "US". */
const char *glossa__tbx_geo(struct importer *im, const char *v)
{
    const char *dash = strrchr(v, '-');
    const char *p = dash ? dash + 1 : v;
    char out[4];
    size_t n = strlen(p), i;
    if (n == 2 && isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1])) {
        out[0] = (char)toupper((unsigned char)p[0]);
        out[1] = (char)toupper((unsigned char)p[1]);
        out[2] = '\0';
        return STR(out);
    }
    for (i = 0; i < n && isdigit((unsigned char)p[i]); i++)
        ;
    return n == 3 && i == 3 ? STR(p) : NULL;
}
