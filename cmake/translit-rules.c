/*
** translit-rules.c — a build-time tool: asks the ICU it is linked with for
** the rules of the transliterators that "Any-Latin; Latin-ASCII" runs on
** Arabic-script, Devanagari and Latin words (utrans_toRules of Arabic-Latin,
** Devanagari-Latin and Latin-ASCII, their named parts expanded), splits them
** into plain rule segments, normaliser steps (the "::NFD;" lines) and global
** filters, and writes them as a C header for src/lib/translit.c, which runs
** them without ICU's transliterator registry (opening any transliterator by
** id builds the whole registry: 14 ms on every such lookup). Generated at
** build time, so another ICU version gets its own rules.
**
** toRules leaves out the global filter of a transliterator made of named
** parts only (Devanagari-Latin's "::[ँ-ः…];::NFD;::Devanagari-InterIndic;…"):
** that filter is read from the rule text in ICU's data (the translit bundle).
** A script whose rules have a shape this does not know (a filter on a single
** step, a filter around a named part, ::BEGIN blocks) is left out with a
** note on stderr: translit.c then leaves its words to ICU, as before.
**
** Usage: translit-rules OUT.h
*/
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TEXTS = 64, MAX_STEPS = 64, MAX_STAGES = 32 };
enum { TR_NFD = 1, TR_NFC, TR_NFKD, TR_NFKC, TR_RULES }; /* as translit.c has them */

struct out {
    int n_texts, n_steps, n_stages;
    UChar *text[MAX_TEXTS];
    int32_t text_len[MAX_TEXTS];
    int step_kind[MAX_STEPS], step_text[MAX_STEPS];
    int stage_filter[MAX_STAGES], stage_first[MAX_STAGES], stage_n[MAX_STAGES];
    jmp_buf skip; /* a chain this does not know */
    int saved_texts, saved_steps, saved_stages;
};

static void skip(struct out *o, const char *what, const char *id)
{
    fprintf(stderr, "translit-rules: %s: %s; its words are left to ICU\n", id, what);
    longjmp(o->skip, 1);
}

static void *alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "translit-rules: out of memory\n");
        exit(1);
    }
    return p;
}

static int add_text(struct out *o, const UChar *s, int32_t n)
{
    if (o->n_texts == MAX_TEXTS)
        skip(o, "too many rule segments", "");
    o->text[o->n_texts] = alloc((size_t)n * sizeof *s);
    memcpy(o->text[o->n_texts], s, (size_t)n * sizeof *s);
    o->text_len[o->n_texts] = n;
    return o->n_texts++;
}

static void add_step(struct out *o, int kind, int text)
{
    if (o->n_steps == MAX_STEPS)
        skip(o, "too many steps", "");
    o->step_kind[o->n_steps] = kind;
    o->step_text[o->n_steps++] = text;
}

static int is_space(UChar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the statement at s[i] (its ';' excluded): outside quotes and escapes. */
static int32_t statement_end(const UChar *s, int32_t n, int32_t i)
{
    int quoted = 0;
    for (; i < n; i++) {
        if (s[i] == '\\' && !quoted)
            i++;
        else if (s[i] == '\'')
            quoted = !quoted;
        else if (s[i] == ';' && !quoted)
            return i < n ? i : n;
    }
    return n;
}

/* Rule s appended to seg at len: toRules writes the operators ← → ↔ and ∆ bare
   where they are literal text (Latin-ASCII's "← > '<-'"), which its own parser
   reads as operators; they are escaped here. @return the new length */
static int32_t copy_rule(UChar *seg, int32_t len, const UChar *s, int32_t n)
{
    static const char hex[] = "0123456789abcdef";
    int32_t i;
    int quoted = 0, k;
    for (i = 0; i < n; i++) {
        if (s[i] == '\\' && !quoted && i + 1 < n) {
            seg[len++] = s[i++];
        } else if (s[i] == '\'') {
            quoted = !quoted;
        } else if (!quoted &&
                   (s[i] == 0x2190 || s[i] == 0x2192 || s[i] == 0x2194 || s[i] == 0x2206)) {
            seg[len++] = '\\';
            seg[len++] = 'u';
            for (k = 0; k < 4; k++)
                seg[len++] = (UChar)hex[(s[i] >> (12 - 4 * k)) & 15];
            continue;
        }
        seg[len++] = s[i];
    }
    return len;
}

/* TR_NFD .. TR_NFKC for the id at s ("NFD", "NFD()", "NFKD(NFC)"), or 0. */
static int norm_kind(const UChar *s, int32_t n)
{
    static const char *const names[] = { "NFD", "NFC", "NFKD", "NFKC" };
    int k;
    for (k = 0; k < 4; k++) {
        int32_t len = (int32_t)strlen(names[k]), i;
        for (i = 0; i < len && i < n && s[i] == (UChar)names[k][i]; i++)
            ;
        if (i == len && (n == len || s[len] == '(' || is_space(s[len])))
            return TR_NFD + k;
    }
    return 0;
}

/* The global filter of id's rule text in ICU's data (aliases followed), as a
   new text of o, or -1 when it has none. */
static int data_filter(struct out *o, const char *id)
{
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *root = ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit",
                                            "root", &st);
    UResourceBundle *ids = ures_getByKey(root, "RuleBasedTransliteratorIDs", NULL, &st);
    char name[128];
    const UChar *s = NULL;
    int32_t n = 0, a, z;
    int hops, filter = -1;

    snprintf(name, sizeof name, "%s", id);
    for (hops = 0; hops < 8 && U_SUCCESS(st); hops++) {
        UResourceBundle *e = ures_getByKey(ids, name, NULL, &st);
        UResourceBundle *how = ures_getByIndex(e, 0, NULL, &st);
        int alias = U_SUCCESS(st) && !strcmp(ures_getKey(how), "alias");
        s = alias ? ures_getString(how, &n, &st) : ures_getStringByKey(how, "resource", &n, &st);
        ures_close(how);
        ures_close(e);
        if (!alias || U_FAILURE(st))
            break;
        if (n >= (int32_t)sizeof name || u_strchr(s, ';') || u_strchr(s, '['))
            skip(o, "an alias to a compound id", id);
        u_UCharsToChars(s, name, n);
        name[n] = '\0';
        s = NULL;
    }
    if (U_FAILURE(st) || !s)
        skip(o, "no rules in ICU's data", id);
    for (a = 0; a < n && is_space(s[a]); a++)
        ;
    if (a + 2 < n && s[a] == ':' && s[a + 1] == ':') {
        for (a += 2; a < n && is_space(s[a]); a++)
            ;
        z = statement_end(s, n, a);
        while (z > a && is_space(s[z - 1]))
            z--;
        if (a < z && s[a] == '[' && s[z - 1] == ']')
            filter = add_text(o, s + a, z - a);
    }
    ures_close(ids);
    ures_close(root);
    return filter;
}

/* The steps of transliterator id (its named parts expanded) appended to o.
   @return its global filter (a text of o), or -1 */
static int expand(struct out *o, const char *id)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar id16[128], *rules, *seg;
    int32_t n, i = 0, seg_len = 0;
    int filter = -1, first = o->n_steps;
    UTransliterator *t;

    u_uastrcpy(id16, id);
    t = utrans_openU(id16, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st))
        skip(o, u_errorName(st), id);
    n = utrans_toRules(t, 0, NULL, 0, &st);
    st = U_ZERO_ERROR;
    rules = alloc(((size_t)n + 1) * sizeof *rules);
    seg = alloc(((size_t)n * 6 + 1) * sizeof *seg);
    utrans_toRules(t, 0, rules, n + 1, &st);
    utrans_close(t);
    if (U_FAILURE(st))
        skip(o, u_errorName(st), id);

    while (i < n) {
        int32_t end, a, z;
        while (i < n && is_space(rules[i]))
            i++;
        if (i == n)
            break;
        end = statement_end(rules, n, i);
        if (end - i < 2 || rules[i] != ':' || rules[i + 1] != ':') { /* a rule */
            seg_len = copy_rule(seg, seg_len, rules + i, end - i);
            seg[seg_len++] = ';';
            seg[seg_len++] = '\n';
            i = end + 1;
            continue;
        }
        if (seg_len) {
            add_step(o, TR_RULES, add_text(o, seg, seg_len));
            seg_len = 0;
        }
        for (a = i + 2; a < end && is_space(rules[a]); a++)
            ;
        for (z = end; z > a && is_space(rules[z - 1]); z--)
            ;
        if (a < z && rules[a] == '[') { /* the global filter, first of all */
            if (o->n_steps != first || filter >= 0 || rules[z - 1] != ']')
                skip(o, "a filter not at the top, or on a single step", id);
            filter = add_text(o, rules + a, z - a);
        } else if (norm_kind(rules + a, z - a)) {
            add_step(o, norm_kind(rules + a, z - a), -1);
        } else if (z - a == 4 && rules[a] == 'N' && rules[a + 1] == 'u' && rules[a + 2] == 'l' &&
                   rules[a + 3] == 'l') {
            ; /* it separates two passes of rules */
        } else { /* a named part: its steps, in line */
            char part[128];
            int32_t k;
            if (filter >= 0 || z - a >= (int32_t)sizeof part)
                skip(o, "a named part inside a filter", id);
            for (k = a; k < z; k++) {
                if (rules[k] > 0x7e || rules[k] == '(' || rules[k] == '[')
                    skip(o, "a named part with a filter or an inverse", id);
                part[k - a] = (char)rules[k];
            }
            part[z - a] = '\0';
            if (expand(o, part) >= 0)
                skip(o, "a named part with a filter of its own", id);
        }
        i = end + 1;
    }
    if (seg_len)
        add_step(o, TR_RULES, add_text(o, seg, seg_len));
    free(rules);
    free(seg);
    return filter >= 0 ? filter : data_filter(o, id);
}

/* A stage: the steps of id, on the runs of characters its filter takes. */
static void add_stage(struct out *o, const char *id)
{
    int s = o->n_stages;
    if (s == MAX_STAGES)
        skip(o, "too many stages", id);
    o->stage_first[s] = o->n_steps;
    o->stage_filter[s] = expand(o, id);
    o->stage_n[s] = o->n_steps - o->stage_first[s];
    o->n_stages++;
}

/* The stage of id; none when its rules have a shape this does not know. @return
   the number of stages added */
static int add_chain(struct out *o, const char *id)
{
    o->saved_texts = o->n_texts;
    o->saved_steps = o->n_steps;
    o->saved_stages = o->n_stages;
    if (setjmp(o->skip)) {
        o->n_texts = o->saved_texts;
        o->n_steps = o->saved_steps;
        o->n_stages = o->saved_stages;
        return 0;
    }
    add_stage(o, id);
    return o->n_stages - o->saved_stages;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *script, *id;
    } chains[] = { { "USCRIPT_ARABIC", "Arabic-Latin" },
                   { "USCRIPT_DEVANAGARI", "Devanagari-Latin" },
                   /* Any-Latin leaves Latin, and a word of Common characters alone */
                   { "USCRIPT_LATIN", NULL },
                   { "USCRIPT_INVALID_CODE", NULL } };
    enum { N_CHAINS = sizeof chains / sizeof chains[0] };
    static struct out o;
    int first[N_CHAINS], count[N_CHAINS], c, i, tail;
    UVersionInfo v;
    char version[U_MAX_VERSION_STRING_LENGTH];
    FILE *f;

    if (argc != 2) {
        fprintf(stderr, "usage: translit-rules OUT.h\n");
        return 2;
    }
    if (!(tail = add_chain(&o, "Latin-ASCII")))
        return 1; /* every chain ends with it */
    for (c = 0; c < N_CHAINS; c++) {
        first[c] = o.n_stages;
        count[c] = chains[c].id ? add_chain(&o, chains[c].id) : 0;
    }

    if (!(f = fopen(argv[1], "w"))) {
        perror(argv[1]);
        return 1;
    }
    u_getVersion(v);
    u_versionToString(v, version);
    fprintf(f, "/* translit_rules.h — written by cmake/translit-rules.c from ICU %s: the\n"
               "** rules of Any-Latin's Arabic and Devanagari parts and of Latin-ASCII, for\n"
               "** src/lib/translit.c. Do not edit. */\n", version);
    for (i = 0; i < o.n_texts; i++) {
        int32_t k;
        fprintf(f, "static const UChar tr_text_%d[] = {", i);
        for (k = 0; k < o.text_len[i]; k++)
            fprintf(f, "%s0x%04x,", k % 12 ? " " : "\n    ", (unsigned)o.text[i][k]);
        fprintf(f, "\n    0};\n");
    }
    fprintf(f, "static const struct tr_text tr_texts[] = {\n");
    for (i = 0; i < o.n_texts; i++)
        fprintf(f, "    { tr_text_%d, %d },\n", i, (int)o.text_len[i]);
    fprintf(f, "};\nstatic const struct tr_step tr_steps[] = {\n");
    for (i = 0; i < o.n_steps; i++)
        fprintf(f, "    { %d, %d },\n", o.step_kind[i], o.step_text[i]);
    fprintf(f, "};\n#define TR_TAIL_STAGES %d /* the first stages: Latin-ASCII's */\n", tail);
    fprintf(f, "static const struct tr_stage tr_stages[] = {\n");
    for (i = 0; i < o.n_stages; i++)
        fprintf(f, "    { %d, %d, %d },\n", o.stage_filter[i], o.stage_first[i], o.stage_n[i]);
    fprintf(f, "};\nstatic const struct tr_chain tr_chains[] = {\n");
    for (c = 0; c < N_CHAINS; c++)
        if (!chains[c].id || count[c])
            fprintf(f, "    { %s, %d, %d },\n", chains[c].script, first[c], count[c]);
    fprintf(f, "};\n");
    if (fclose(f)) {
        perror(argv[1]);
        return 1;
    }
    return 0;
}
