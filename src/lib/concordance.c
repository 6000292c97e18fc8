/*
** concordance.c — the concordance of the two authentic texts of annex 1
** (Russian and Chinese; Vienna Convention art. 33): for each annex concept,
** a preferred term and a definition in each, as many enumerated parts in
** each definition, and, against an earlier version, no change made in one
** authentic text and not the other. That last rule (glossa__concept_unparallel)
** is also the one the protocol applies to its change records.
**
** Both versions are read by the one term-base loader and seen through the
** diff's version model (diff_int.h). Cross-references are held once per
** concept (<xr> by target id, labelled with the Russian term): nothing in
** them differs per language, so they are not compared.
*/
#include "concordance_int.h"

#include <stdio.h>
#include <string.h>

const char *glossa_concord_kind_name(glossa_concord_kind kind)
{
    static const char *const names[] = { "missing-term", "missing-definition", "numbering",
                                         "one-language-change" };
    return (unsigned)kind < 4 ? names[kind] : "unknown";
}

/* ---- the authentic texts ------------------------------------------------------------- */

/* Is tag a language tag of the authentic text in lang: lang itself or with
** subtags, but in no other script than the text's own (Cyrillic Russian,
** Simplified Chinese: not zh-Hant, not pinyin zh-Latn) and, for Chinese, no
** region that writes Traditional characters (TW, HK, MO)? */
static int authentic_tag(const char *tag, const char *lang)
{
    const char *own = strcmp(lang, "zh") == 0 ? "Hans" : "Cyrl", *p;
    if (!glossa__lang_matches(tag, lang))
        return 0;
    for (p = tag + strlen(lang); *p == '-'; p += strcspn(p + 1, "-") + 1) {
        size_t n = strcspn(p + 1, "-");
        if ((n == 4 && strncasecmp(p + 1, own, 4) != 0) ||
            (n == 2 && strcmp(lang, "zh") == 0 &&
             (strncasecmp(p + 1, "TW", 2) == 0 || strncasecmp(p + 1, "HK", 2) == 0 ||
              strncasecmp(p + 1, "MO", 2) == 0)))
            return 0;
    }
    return 1;
}

const char *glossa__authentic_term(const struct v_concept *c, const char *lang)
{
    size_t i;
    for (i = 0; c && i < c->n_terms; i++)
        if (authentic_tag(c->terms[i].lang, lang) && strcmp(c->terms[i].status, "preferred") == 0)
            return c->terms[i].text;
    return NULL;
}

const char *glossa__authentic_def(const struct v_concept *c, const char *lang)
{
    size_t i;
    for (i = 0; c && i < c->n_defs; i++)
        if (authentic_tag(c->defs[i].lang, lang))
            return c->defs[i].text;
    return NULL;
}

static int same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

int glossa__concept_same_text(const struct v_concept *old, const struct v_concept *new,
                              const char *lang)
{
    return same(glossa__authentic_term(old, lang), glossa__authentic_term(new, lang)) &&
           same(glossa__authentic_def(old, lang), glossa__authentic_def(new, lang));
}

const char *glossa__concept_unparallel(const struct v_concept *old, const struct v_concept *new,
                                       const char **lang)
{
    const struct v_concept *c = new ? new : old;
    int ru_same, zh_same;
    *lang = "ru";
    if (!glossa__authentic_term(c, "ru"))
        return "no Russian term";
    *lang = "zh";
    if (!glossa__authentic_term(c, "zh"))
        return "no Chinese term";
    if (!new)
        return NULL;
    *lang = "ru";
    if (!glossa__authentic_def(c, "ru"))
        return "no Russian definition";
    *lang = "zh";
    if (!glossa__authentic_def(c, "zh"))
        return "no Chinese definition";
    if (!old)
        return NULL;
    ru_same = glossa__concept_same_text(old, new, "ru");
    zh_same = glossa__concept_same_text(old, new, "zh");
    if (ru_same && !zh_same)
        return "reworded in Chinese, not in Russian";
    *lang = "ru";
    if (zh_same && !ru_same)
        return "reworded in Russian, not in Chinese";
    return NULL;
}

/* ---- enumerated parts ------------------------------------------------------------------ */

/* The letters of a Russian enumeration (й, ё, ъ, ы, ь are not used). */
static const char *const cyrillic = "абвгдежзиклмнопрстуфхцчшщэюя";
static const char *const han_digits = "一二三四五六七八九十";

/* The value (1, 2, …) of the enumeration label of one letter at s (n bytes
** long) in the list of letters, or 0. */
static int letter_value(const char *s, size_t n, const char *letters)
{
    const char *p = letters;
    int k = 1;
    while (*p) {
        size_t len = (*p & 0x80) ? ((*p & 0xE0) == 0xC0 ? 2 : 3) : 1;
        if (len == n && memcmp(p, s, n) == 0)
            return k;
        p += len;
        k++;
    }
    return 0;
}

int glossa__enumerated_parts(const char *text)
{
    int expect[4] = { 1, 1, 1, 1 };
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, len = strlen(text);
    int total = 0, k;

    while (i < len) {
        size_t at = i, n;
        int open = 0, sys = -1, value = 0;
        int boundary = at == 0 || strchr(" \t\n:;,.(", s[at - 1]) ||
                       (at >= 3 && s[at - 3] == 0xEF && s[at - 2] == 0xBC &&
                        strchr("\x9a\x9b\x8c", s[at - 1])) || /* ：；， */
                       (at >= 3 && s[at - 3] == 0xE3 && s[at - 2] == 0x80 &&
                        (s[at - 1] == 0x82 || s[at - 1] == 0x81)); /* 。、 */
        if (s[at] == '(')
            open = 1, at++;
        else if (at + 3 <= len && s[at] == 0xEF && s[at + 1] == 0xBC && s[at + 2] == 0x88)
            open = 2, at += 3; /* （ */
        n = 0;
        if (at < len && s[at] >= '0' && s[at] <= '9') {
            while (at + n < len && n < 3 && s[at + n] >= '0' && s[at + n] <= '9')
                value = value * 10 + (s[at + n++] - '0');
            sys = 0;
        } else if (at + 2 <= len && (s[at] == 0xD0 || s[at] == 0xD1)) {
            n = 2, sys = 1, value = letter_value(text + at, 2, cyrillic);
        } else if (at < len && s[at] >= 'a' && s[at] <= 'z') {
            n = 1, sys = 2, value = s[at] - 'a' + 1;
        } else if (at + 3 <= len && s[at] >= 0xE4 && s[at] <= 0xE5) {
            n = 3, sys = 3, value = letter_value(text + at, 3, han_digits);
        }
        at += n;
        /* a closing bracket, the Chinese one after a full-width opening one */
        if (sys >= 0 && value > 0 && (boundary || open == 2) && at < len &&
            (s[at] == ')' || (at + 3 <= len && s[at] == 0xEF && s[at + 1] == 0xBC &&
                              s[at + 2] == 0x89)) &&
            (open != 2 || s[at] != ')') && value == expect[sys])
            expect[sys]++;
        i = i + 1;
        while (i < len && (s[i] & 0xC0) == 0x80)
            i++;
    }
    for (k = 0; k < 4; k++)
        total += expect[k] > 2 ? expect[k] - 1 : 0; /* a lone "1)" enumerates nothing */
    return total;
}

/* ---- findings ---------------------------------------------------------------------------- */

static int add(struct glossa_concordance *c, const struct concord_version *cv,
               const struct v_concept *concept, glossa_concord_kind kind, const char *lang,
               const char *message)
{
    glossa_concord_finding *f;
    if (glossa__grow((void **)&c->findings, &c->cap, c->n, sizeof *c->findings))
        return GLOSSA_ENOMEM;
    f = &c->findings[c->n++];
    f->kind = kind;
    f->concept = concept->id;
    f->file = cv->tb->entry_file ? cv->tb->entry_file[concept - cv->v.c] : NULL;
    f->line = concept->entry ? concept->entry->line : 0;
    f->lang = lang;
    f->message = message;
    return 0;
}

int glossa__concord_check(struct glossa_concordance *c, const struct concord_version *cv,
                          const struct v_concept *concept, const struct v_concept *old)
{
    static const char *const langs[2] = { "ru", "zh" };
    static const char *const no_term[2] = { "no Russian term", "no Chinese term" };
    static const char *const no_def[2] = { "no Russian definition", "no Chinese definition" };
    const char *def[2], *why, *lang;
    size_t first = c->n;
    int k, parts[2];

    for (k = 0; k < 2; k++)
        if (!glossa__authentic_term(concept, langs[k]) &&
            add(c, cv, concept, GLOSSA_CONCORD_MISSING_TERM, langs[k], no_term[k]))
            return GLOSSA_ENOMEM;
    for (k = 0; k < 2; k++)
        if (!(def[k] = glossa__authentic_def(concept, langs[k])) &&
            add(c, cv, concept, GLOSSA_CONCORD_MISSING_DEFINITION, langs[k], no_def[k]))
            return GLOSSA_ENOMEM;
    if (def[0] && def[1] &&
        (parts[0] = glossa__enumerated_parts(def[0])) != (parts[1] = glossa__enumerated_parts(def[1]))) {
        char msg[120];
        const char *m;
        snprintf(msg, sizeof msg, "numbering differs: %d enumerated part%s in the Russian "
                 "definition, %d in the Chinese", parts[0], parts[0] == 1 ? "" : "s", parts[1]);
        if (!(m = glossa__arena_strdup(c->arena, msg)) ||
            add(c, cv, concept, GLOSSA_CONCORD_NUMBERING, NULL, m))
            return GLOSSA_ENOMEM;
    }
    if (old && c->n == first && (why = glossa__concept_unparallel(old, concept, &lang)) &&
        add(c, cv, concept, GLOSSA_CONCORD_ONE_LANGUAGE, lang, why))
        return GLOSSA_ENOMEM;
    return 0;
}

/* ---- reading ------------------------------------------------------------------------------ */

int glossa__concord_read(struct glossa_arena *a, struct concord_version *cv,
                         const char *const *inputs, size_t n, glossa_diag_fn on_diag,
                         void *userdata, glossa_error *err)
{
    glossa_index_opts iopts = GLOSSA_INDEX_OPTS_INIT;
    iopts.on_diag = on_diag;
    iopts.userdata = userdata;
    return glossa__version_read(a, &cv->tb, &cv->v, inputs, n, &iopts, err);
}

void glossa__concord_release(struct concord_version *cv)
{
    glossa__tb_free(cv->tb);
    cv->tb = NULL;
}

int glossa_concordance_new(glossa_concordance **out, const char *const *inputs, size_t n_inputs,
                           const glossa_concordance_opts *opts, glossa_error *err)
{
    static const glossa_concordance_opts defaults = GLOSSA_CONCORDANCE_OPTS_INIT;
    struct glossa_concordance *c;
    size_t i;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_CONCORDANCE_OPTS_VERSION, "glossa_concordance_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    c = glossa__calloc(1, sizeof *c);
    if (!c || !(c->arena = glossa__arena_new())) {
        glossa__free(c);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    rc = glossa__concord_read(c->arena, &c->cur, inputs, n_inputs, opts->on_diag,
                              opts->userdata, err);
    if (!rc && opts->n_since)
        rc = glossa__concord_read(c->arena, &c->since, opts->since, opts->n_since,
                                  opts->on_diag, opts->userdata, err);
    for (i = 0; !rc && i < c->cur.v.n; i++) {
        const struct v_concept *concept = &c->cur.v.c[i], *old = NULL;
        if (!glossa__annex_holds(concept))
            continue;
        c->n_concepts++;
        if (c->since.tb && (old = glossa__version_find(&c->since.v, concept->id)) &&
            !glossa__annex_holds(old))
            old = NULL; /* not in the annex then: added to it since */
        if (glossa__concord_check(c, &c->cur, concept, old))
            rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (rc) {
        glossa_concordance_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

size_t glossa_concordance_count(const glossa_concordance *c)
{
    return c ? c->n : 0;
}

const glossa_concord_finding *glossa_concordance_get(const glossa_concordance *c, size_t i)
{
    return c && i < c->n ? &c->findings[i] : NULL;
}

size_t glossa_concordance_concepts(const glossa_concordance *c)
{
    return c ? c->n_concepts : 0;
}

void glossa_concordance_free(glossa_concordance *c)
{
    if (!c)
        return;
    glossa__concord_release(&c->cur);
    glossa__concord_release(&c->since);
    glossa__arena_free(c->arena);
    glossa__free(c->findings);
    glossa__free(c);
}
