/*
** export.c — `glossa export`: read TEI inputs into a term base in memory
** (termbase.c) and hand it to the writer of the format asked for (TBX
** 2019 and 2008, CSV, OmegaT, JSON: export_tbx.c, export_tbx2008.c,
** export_csv.c, export_json.c; annex 1 as an Akoma Ntoso document:
** export_akn.c).
**
** The writers only format; what each format can carry is said in their
** header comments and in README.md. The definitions of national acts
** (glossary/national/, when among the inputs) travel with the concepts they
** relate to; those that relate to a notion the term base lacks are not
** concepts of it and are left out (counted in stats->national_notions).
*/
#include "exchange_int.h"

#include <string.h>

int glossa_export_format_parse(const char *name, glossa_export_format *out)
{
    static const char *const names[] = { "tbx", "csv", "omegat", "json", "tbx2008", "akn" };
    size_t i;
    for (i = 0; name && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (glossa_export_format)i;
            return 0;
        }
    }
    return GLOSSA_EINPUT;
}

/* Every item of a comma-separated list must be a language tag glossa knows. */
static int check_list(const char *what, const char *list, int one, glossa_error *err)
{
    const char *cur = list, *p;
    size_t n;
    int items = 0;
    char tag[64];

    if (!list)
        return 0;
    while (glossa_list_next(&cur, &p, &n)) {
        if (n >= sizeof tag || (memcpy(tag, p, n), tag[n] = '\0', !glossa_lang_is_valid(tag)))
            return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                     "%s: '%.*s' is not a member language (ru zh en kk ky tg uz "
                                     "hi ur fa be, with optional script and region)",
                                     what, (int)(n < 64 ? n : 64), p);
        items++;
    }
    if (one && items != 1)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "%s takes one language for this format, not '%s'", what, list);
    return 0;
}

int glossa_export(const char *const *inputs, size_t n_inputs, const glossa_export_opts *opts,
                  char **out, size_t *out_len, glossa_exchange_stats *stats, glossa_error *err)
{
    glossa_index_opts iopts = GLOSSA_INDEX_OPTS_INIT;
    glossa_exchange_stats local;
    struct glossa_buf buf = GLOSSA_BUF_INIT;
    struct glossa_tb *tb = NULL;
    struct xc_report report;
    int rc;

    if (!opts)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no export options");
    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_EXPORT_OPTS_VERSION, "glossa_export_opts", err))
        return GLOSSA_EINPUT;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if ((rc = check_list("--from", opts->from, opts->format == GLOSSA_EXPORT_OMEGAT, err)) ||
        (rc = check_list("--to", opts->to, opts->format == GLOSSA_EXPORT_OMEGAT, err)))
        return rc;
    if (opts->format == GLOSSA_EXPORT_OMEGAT && !opts->to)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "the omegat format needs the target language: --to LANG");
    if ((rc = glossa__akn_export_check(opts, err)))
        return rc;
    iopts.on_diag = opts->on_diag;
    iopts.userdata = opts->userdata;
    if ((rc = glossa__tb_new(&tb, err)))
        return rc;
    rc = glossa__tb_load_tei(tb, inputs, n_inputs, &iopts, 1, err);
    report.fn = opts->on_warning;
    report.userdata = opts->userdata;
    report.file = NULL;
    report.stats = stats;
    if (!rc) {
        size_t i;
        for (i = 0; i < tb->n_legal && opts->format != GLOSSA_EXPORT_AKN; i++)
            /* left out by design: not concepts of the term base (the annex has no national law) */
            stats->national_notions += !glossa__tb_find(tb, tb->legal[i].l.target);
        switch (opts->format) {
        case GLOSSA_EXPORT_TBX: rc = glossa__write_tbx(tb, opts, &report, &buf); break;
        case GLOSSA_EXPORT_TBX2008: rc = glossa__write_tbx2008(tb, opts, &report, &buf); break;
        case GLOSSA_EXPORT_CSV: rc = glossa__write_csv(tb, opts, &report, &buf); break;
        case GLOSSA_EXPORT_OMEGAT: rc = glossa__write_omegat(tb, opts, &report, &buf); break;
        case GLOSSA_EXPORT_JSON: rc = glossa__write_json(tb, opts, &report, &buf); break;
        case GLOSSA_EXPORT_AKN: rc = glossa__write_akn(tb, opts, &report, &buf, err); break;
        default: rc = glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "unknown export format");
        }
        if (rc == GLOSSA_ENOMEM)
            glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        else if (rc == GLOSSA_ENOTFOUND && opts->format == GLOSSA_EXPORT_AKN)
            ; /* the writer said which day has no annex */
        else if (rc == GLOSSA_ENOTFOUND)
            glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                              "nothing to export: no concept has a term in %s",
                              opts->to ? opts->to : "any language");
    }
    glossa__tb_free(tb);
    if (rc) {
        glossa__buf_release(&buf);
        return rc;
    }
    if (!buf.data && glossa__buf_adds(&buf, "")) {
        glossa__buf_release(&buf);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = buf.data;
    *out_len = buf.len;
    return 0;
}
