/*
** opencc-tables.c — a build-time tool: reads OpenCC's dictionaries (as the
** text that `opencc_dict -f ocd2 -t text` makes of each .ocd2: "KEY\tVALUE
** VALUE…" lines) and the shape of the configurations glossa uses (which
** dictionaries segment, which groups convert, in order; CMakeLists.txt reads
** it from OpenCC's JSON files), and writes them as a C header for
** src/lib/han_convert.c: every key with its first value in one string blob,
** each dictionary's keys sorted (bytewise) as offsets into it. So no command
** opens OpenCC at run time (opening tw2sp.json took ~2 ms), and another
** OpenCC's data gets its own tables.
**
** Usage: opencc-tables OUT.h DIR CONFIG...
** CONFIG is NAME:SEG/GROUP/GROUP…, each of SEG and GROUP a comma-separated
** list of dictionary names (DIR/NAME.txt): SEG the segmentation's, each
** GROUP one conversion of the chain. A dictionary named twice is written once.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DICTS 32
#define MAX_GROUPS 32
#define MAX_CONFIGS 8

struct entry {
    char *key, *value;
};

struct dict {
    char name[64];
    struct entry *entries;
    size_t n, max_len;
};

struct tables {
    struct dict dicts[MAX_DICTS];
    int n_dicts;
    int group_dicts[MAX_DICTS * MAX_GROUPS];
    int n_group_dicts;
    int group_first[MAX_GROUPS], group_count[MAX_GROUPS];
    int n_groups;
    char config_name[MAX_CONFIGS][32];
    int config_seg[MAX_CONFIGS], config_chain[MAX_CONFIGS], config_chain_n[MAX_CONFIGS];
    int n_configs;
};

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "opencc-tables: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die("out of memory", NULL);
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *c = xrealloc(NULL, n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* 1 when s[0..n) is well-formed UTF-8 (the literal carries it raw) */
static int utf8_ok(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = s[i] < 0x80 ? 1 : (s[i] & 0xE0) == 0xC0 ? 2 : (s[i] & 0xF0) == 0xE0 ? 3
                 : (s[i] & 0xF8) == 0xF0 ? 4 : 0;
        if (k == 0 || i + k > n || (k > 1 && s[i] < 0xC2))
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->key, ((const struct entry *)b)->key);
}

static void load_dict(struct dict *d, const char *dir)
{
    char path[4096], line[65536];
    size_t cap = 0;
    FILE *f;
    snprintf(path, sizeof path, "%s/%s.txt", dir, d->name);
    if (!(f = fopen(path, "r")))
        die("cannot open", path);
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        char *tab, *end;
        if (len == 0 || line[len - 1] != '\n')
            die("line too long or unterminated in", path);
        line[--len] = '\0';
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (!(tab = strchr(line, '\t')) || tab == line)
            die("a line without KEY<tab>VALUE in", path);
        end = strchr(tab + 1, ' '); /* the first of the values */
        if (!end)
            end = line + len;
        if (end == tab + 1) /* OpenCC's default would be the key: not in its data so far */
            die("an entry without a value in", path);
        if (!utf8_ok((const unsigned char *)line, len))
            die("ill-formed UTF-8 in", path);
        if (d->n == cap) {
            cap = cap ? cap * 2 : 1024;
            d->entries = xrealloc(d->entries, cap * sizeof *d->entries);
        }
        d->entries[d->n].key = xstrndup(line, (size_t)(tab - line));
        d->entries[d->n].value = xstrndup(tab + 1, (size_t)(end - tab - 1));
        if ((size_t)(tab - line) > d->max_len)
            d->max_len = (size_t)(tab - line);
        d->n++;
    }
    fclose(f);
    if (d->n == 0)
        die("no entries in", path);
    qsort(d->entries, d->n, sizeof *d->entries, by_key);
    for (size_t i = 1; i < d->n; i++)
        if (strcmp(d->entries[i - 1].key, d->entries[i].key) == 0)
            die("a key twice in", path);
}

static int dict_index(struct tables *t, const char *name, size_t len, const char *dir)
{
    int i;
    for (i = 0; i < t->n_dicts; i++)
        if (strlen(t->dicts[i].name) == len && memcmp(t->dicts[i].name, name, len) == 0)
            return i;
    if (t->n_dicts == MAX_DICTS || len == 0 || len >= sizeof t->dicts[0].name)
        die("too many dictionaries, or a bad name", name);
    memcpy(t->dicts[i].name, name, len);
    t->dicts[i].name[len] = '\0';
    load_dict(&t->dicts[i], dir);
    t->n_dicts++;
    return i;
}

/* one group: a comma-separated list of names in s[0..len) */
static int parse_group(struct tables *t, const char *s, size_t len, const char *dir)
{
    const char *p = s, *end = s + len;
    if (t->n_groups == MAX_GROUPS)
        die("too many groups", NULL);
    t->group_first[t->n_groups] = t->n_group_dicts;
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        if (!comma)
            comma = end;
        t->group_dicts[t->n_group_dicts++] = dict_index(t, p, (size_t)(comma - p), dir);
        p = comma + (comma < end);
    }
    t->group_count[t->n_groups] = t->n_group_dicts - t->group_first[t->n_groups];
    if (t->group_count[t->n_groups] == 0)
        die("an empty group", s);
    return t->n_groups++;
}

static void parse_config(struct tables *t, const char *spec, const char *dir)
{
    const char *colon = strchr(spec, ':'), *p;
    int c = t->n_configs, first = 1;
    if (!colon || colon == spec || (size_t)(colon - spec) >= sizeof t->config_name[0] ||
        c == MAX_CONFIGS)
        die("a configuration is NAME:SEG/GROUP/GROUP…", spec);
    memcpy(t->config_name[c], spec, (size_t)(colon - spec));
    t->config_name[c][colon - spec] = '\0';
    t->config_chain_n[c] = 0;
    for (p = colon + 1;;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        int g = parse_group(t, p, len, dir);
        if (first)
            t->config_seg[c] = g;
        else if (t->config_chain_n[c]++ == 0)
            t->config_chain[c] = g;
        first = 0;
        if (!slash)
            break;
        p = slash + 1;
    }
    if (t->config_chain_n[c] == 0)
        die("a configuration without a conversion", spec);
    t->n_configs++;
}

/* s as the inside of a C string literal: UTF-8 raw, the rest escaped */
static void put_literal(FILE *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\' || c == '?')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\%03o", c);
        else
            fputc(c, out);
    }
}

static void write_tables(const struct tables *t, FILE *out)
{
    uint32_t off = 0;
    int i;
    fputs("/* Generated by cmake/opencc-tables.c from OpenCC's dictionaries: do not edit.\n"
          "** For each dictionary, its keys sorted bytewise with their first value. */\n\n"
          "static const char han_blob[] =\n",
          out);
    for (i = 0; i < t->n_dicts; i++)
        for (size_t k = 0; k < t->dicts[i].n; k++) {
            fputs("    \"", out);
            put_literal(out, t->dicts[i].entries[k].key);
            fputs("\\000", out);
            put_literal(out, t->dicts[i].entries[k].value);
            fputs("\\000\"\n", out);
        }
    fputs("    ;\n\n/* offset of each key in han_blob (its value follows its NUL) */\n"
          "static const uint32_t han_keys[] = {\n",
          out);
    for (i = 0; i < t->n_dicts; i++) {
        fprintf(out, "    /* %s */\n", t->dicts[i].name);
        for (size_t k = 0; k < t->dicts[i].n; k++) {
            const struct entry *e = &t->dicts[i].entries[k];
            fprintf(out, "    %lu,\n", (unsigned long)off);
            off += (uint32_t)(strlen(e->key) + strlen(e->value) + 2);
        }
    }
    fputs("};\n\nstatic const struct han_dict han_dicts[] = {\n", out);
    for (i = 0, off = 0; i < t->n_dicts; i++) {
        fprintf(out, "    { %lu, %lu, %lu }, /* %s */\n", (unsigned long)off,
                (unsigned long)t->dicts[i].n, (unsigned long)t->dicts[i].max_len, t->dicts[i].name);
        off += (uint32_t)t->dicts[i].n;
    }
    fputs("};\n\nstatic const unsigned char han_group_dicts[] = {", out);
    for (i = 0; i < t->n_group_dicts; i++)
        fprintf(out, "%s%d", i ? ", " : " ", t->group_dicts[i]);
    fputs(" };\n\nstatic const struct han_group han_groups[] = {\n", out);
    for (i = 0; i < t->n_groups; i++)
        fprintf(out, "    { %d, %d },\n", t->group_first[i], t->group_count[i]);
    fputs("};\n\n/* in the order of CMakeLists.txt's GLOSSA_OPENCC_CONFIGS */\n"
          "static const struct han_config han_configs[] = {\n",
          out);
    for (i = 0; i < t->n_configs; i++)
        fprintf(out, "    { \"%s\", %d, %d, %d },\n", t->config_name[i], t->config_seg[i],
                t->config_chain[i], t->config_chain_n[i]);
    fputs("};\n", out);
}

int main(int argc, char **argv)
{
    static struct tables t;
    char tmp[4096];
    FILE *out;
    int i;
    if (argc < 4)
        die("usage: opencc-tables OUT.h DIR NAME:SEG/GROUP/GROUP…", NULL);
    for (i = 3; i < argc; i++)
        parse_config(&t, argv[i], argv[2]);
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    if (!(out = fopen(tmp, "w")))
        die("cannot write", tmp);
    write_tables(&t, out);
    if (fclose(out) != 0 || rename(tmp, argv[1]) != 0)
        die("cannot write", argv[1]);
    return 0;
}
