/*
** test_han_convert.c — src/lib/han_convert.c against OpenCC itself (libopencc,
** loaded with dlopen: glossa no longer links it), for each configuration
** glossa uses (tw2sp, s2t): byte-identical output on every text of the
** bundled glossary with a Han character (each text node and each element's
** whole text: terms, definitions, notes), every key and value of every
** dictionary the configurations use (OpenCC's own text dump, not our tables)
** alone and cut by a character at either end, every ideograph of U+4E00–9FFF
** alone, thousands of random concatenations of keys (fixed seed), and mixed
** strings (Latin, punctuation, ill-formed bytes, a NUL). A table entry
** changed makes it fail.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void *(*open_fn)(const char *);
typedef char *(*convert_fn)(void *, const char *, size_t);
typedef void (*free_fn)(char *);
typedef int (*close_fn)(void *);

/* Under AddressSanitizer (tests/check.sh's second build) every 8th of the
** large sets: the release build compares them all, the sanitizer looks for
** memory errors (all of them took a minute there). */
#if defined(__SANITIZE_ADDRESS__)
#define STRIDE 8
#else
#define STRIDE 1
#endif

static void *lib;
static convert_fn occ_convert;
static free_fn occ_free;
static close_fn occ_close;
static void *occ[2];                /* tw2sp, s2t: enum glossa_han_conv's order */
static const char *const occ_config[2] = { "tw2sp.json", "s2t.json" };
static long compared, differ;

static int setup(void **state)
{
    open_fn occ_open;
    int i;
    if (th_global_setup(state))
        return -1;
    if (!(lib = dlopen("libopencc.so.1.1", RTLD_NOW)) && !(lib = dlopen("libopencc.so", RTLD_NOW))) {
        print_error("libopencc cannot be loaded (package libopencc1.1, which opencc_dict's "
                    "package depends on): %s\n", dlerror());
        return -1;
    }
    occ_open = (open_fn)dlsym(lib, "opencc_open");
    occ_convert = (convert_fn)dlsym(lib, "opencc_convert_utf8");
    occ_free = (free_fn)dlsym(lib, "opencc_convert_utf8_free");
    occ_close = (close_fn)dlsym(lib, "opencc_close");
    if (!occ_open || !occ_convert || !occ_free || !occ_close)
        return -1;
    for (i = 0; i < 2; i++)
        if ((occ[i] = occ_open(occ_config[i])) == (void *)-1) {
            print_error("opencc_open(%s) failed\n", occ_config[i]);
            return -1;
        }
    return 0;
}

static int teardown(void **state)
{
    int i;
    for (i = 0; i < 2; i++)
        occ_close(occ[i]);
    dlclose(lib);
    return th_global_teardown(state);
}

/* text[0..len) through both converters of both configurations */
static void check(const char *text, size_t len)
{
    int i;
    for (i = 0; i < 2; i++) {
        char *ours = glossa__han_convert((enum glossa_han_conv)i, text, len);
        char *theirs = occ_convert(occ[i], text, len);
        compared++;
        if (!ours != !theirs || (ours && strcmp(ours, theirs) != 0)) {
            if (differ++ < 10)
                print_error("%s of '%.*s': ours '%s', OpenCC's '%s'\n", occ_config[i], (int)len,
                            text, ours ? ours : "(NULL)", theirs ? theirs : "(NULL)");
        }
        glossa__free(ours);
        if (theirs)
            occ_free(theirs);
    }
}

static void check_str(const char *s)
{
    check(s, strlen(s));
}

static void expect_same(long at_least)
{
    assert_true(compared >= at_least);
    assert_int_equal(differ, 0);
    compared = differ = 0;
}

static int has_han(const char *s)
{
    size_t i = 0, n = strlen(s);
    while (i < n) {
        const unsigned char *u = (const unsigned char *)s + i;
        int32_t c = u[0];
        size_t k = 1;
        if (u[0] >= 0xF0 && i + 3 < n)
            c = ((u[0] & 7) << 18) | ((u[1] & 63) << 12) | ((u[2] & 63) << 6) | (u[3] & 63), k = 4;
        else if (u[0] >= 0xE0 && i + 2 < n)
            c = ((u[0] & 15) << 12) | ((u[1] & 63) << 6) | (u[2] & 63), k = 3;
        else if (u[0] >= 0xC0)
            k = 2;
        if (glossa__is_han(c))
            return 1;
        i += k;
    }
    return 0;
}

static void check_node(xmlNode *node)
{
    for (; node; node = node->next) {
        xmlChar *text = NULL;
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
            text = xmlStrdup(node->content);
        else if (node->type == XML_ELEMENT_NODE)
            text = xmlNodeGetContent(node); /* a term, a definition, a note whole */
        if (text && has_han((const char *)text))
            check_str((const char *)text);
        xmlFree(text);
        if (node->type == XML_ELEMENT_NODE)
            check_node(node->children);
    }
}

static void check_folder(const char *dir)
{
    struct dirent *e;
    DIR *d = opendir(dir);
    assert_non_null(d);
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        char path[4096], *text;
        size_t size;
        glossa_error err;
        xmlDoc *doc;
        if (n < 5 || strcmp(e->d_name + n - 4, ".xml"))
            continue;
        /* read here: libglossa lets libxml2 open no file itself */
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        assert_int_equal(glossa_read_file(path, (size_t)64 << 20, &text, &size, &err), 0);
        assert_non_null(doc = xmlReadMemory(text, (int)size, path, NULL, XML_PARSE_NONET));
        check_node(xmlDocGetRootElement(doc));
        xmlFreeDoc(doc);
        glossa_free(text);
    }
    closedir(d);
}

static void test_han_convert__glossary(void **state)
{
    (void)state;
    check_folder(SRC_DIR "/glossary");
    check_folder(SRC_DIR "/glossary/national");
    check_folder(SRC_DIR "/glossary/proposals");
    expect_same(1200); /* 615 texts with Han in the glossary of 2026-12 */
}

/* The keys and values of OpenCC's dictionaries, from opencc_dict's dump. */
struct words {
    char **w;
    size_t n, cap;
};

static void add_word(struct words *ws, const char *s, size_t len)
{
    if (ws->n == ws->cap) {
        ws->cap = ws->cap ? 2 * ws->cap : 65536;
        assert_non_null(ws->w = realloc(ws->w, ws->cap * sizeof *ws->w));
    }
    assert_non_null(ws->w[ws->n] = malloc(len + 1));
    memcpy(ws->w[ws->n], s, len);
    ws->w[ws->n++][len] = '\0';
}

static void read_dicts(struct words *keys, struct words *values)
{
    struct dirent *e;
    DIR *d = opendir(OPENCC_TEXT_DIR);
    int files = 0;
    assert_non_null(d);
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        char path[4096], line[65536];
        FILE *f;
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt"))
            continue;
        snprintf(path, sizeof path, "%s/%s", OPENCC_TEXT_DIR, e->d_name);
        assert_non_null(f = fopen(path, "r"));
        while (fgets(line, sizeof line, f)) {
            char *tab = strchr(line, '\t'), *v;
            assert_non_null(tab);
            add_word(keys, line, (size_t)(tab - line));
            for (v = tab + 1; *v && *v != '\n';) {
                size_t k = strcspn(v, " \n");
                add_word(values, v, k);
                v += k + (v[k] == ' ');
            }
        }
        fclose(f);
        files++;
    }
    closedir(d);
    assert_int_equal(files, 7); /* tw2sp's five and s2t's two */
}

static void free_words(struct words *ws)
{
    size_t i;
    for (i = 0; i < ws->n; i++)
        free(ws->w[i]);
    free(ws->w);
}

/* s without its first character, and without its last */
static void check_cut(const char *s)
{
    size_t n = strlen(s), first = 1, last = 1;
    while (first < n && (s[first] & 0xC0) == 0x80)
        first++;
    while (last < n && (s[n - last] & 0xC0) == 0x80)
        last++;
    if (first < n) {
        check(s + first, n - first);
        check(s, n - last);
    }
}

static void test_han_convert__dictionaries(void **state)
{
    struct words keys = { 0 }, values = { 0 };
    size_t i;
    (void)state;
    read_dicts(&keys, &values);
    for (i = 0; i < keys.n; i += STRIDE) {
        check_str(keys.w[i]);
        check_cut(keys.w[i]);
    }
    for (i = 0; i < values.n; i += STRIDE)
        check_str(values.w[i]);
    expect_same(200000 / STRIDE);
    free_words(&keys);
    free_words(&values);
}

static void test_han_convert__ideographs(void **state)
{
    uint32_t c;
    (void)state;
    for (c = 0x4E00; c <= 0x9FFF; c += STRIDE) {
        char s[4] = { (char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 63)),
                      (char)(0x80 | (c & 63)), 0 };
        check(s, 3);
    }
    expect_same(2 * (0x9FFF - 0x4E00 + 1) / STRIDE);
}

static void test_han_convert__concatenations(void **state)
{
    static const char *const glue[] = { "", "", "", " ", "a", "，", "。", "-", "Ab 1" };
    struct words keys = { 0 }, values = { 0 };
    struct glossa_buf b = GLOSSA_BUF_INIT;
    uint64_t seed = 20261207;
    int i, j;
    (void)state;
    read_dicts(&keys, &values);
    for (i = 0; i < 5000 / STRIDE; i++) {
        int parts = 2 + i % 5;
        glossa__buf_clear(&b);
        for (j = 0; j < parts; j++) {
            const struct words *from = (i & 1) ? &values : &keys;
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            assert_int_equal(glossa__buf_adds(&b, from->w[(seed >> 33) % from->n]), 0);
            assert_int_equal(glossa__buf_adds(&b, glue[(seed >> 20) % 9]), 0);
        }
        check(b.data, b.len);
        check_cut(b.data);
    }
    expect_same(3 * 2 * 5000 / STRIDE);
    glossa__buf_release(&b);
    free_words(&keys);
    free_words(&values);
}

static void test_han_convert__mixed(void **state)
{
    static const char *const texts[] = {
        "", "a", "information security", "資訊安全 (information security)",
        "«軟體»: software; 硬體 — hardware!", "IPv6位址與網際網路", "1998年電腦程式設計",
        "發展中國家的網路", "乾隆皇帝乾杯", "資訊\t網路\n軟體", "雲端運算（cloud）",
        "头发发展", "网络信息安全", "干部干活", "后天皇后", "Ｆｕｌｌｗｉｄｔｈ資訊",
        "\xE4" "AB資訊", "a\xF8" "abcd資訊", "\xFC" "abcde網路", "鼠\xC3" "A標",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
        check_str(texts[i]);
    check("資訊\0網路", 13);  /* both stop at the NUL */
    check("網路資訊", 6);     /* len cuts the text */
    check("\x80" "資訊", 7);  /* a byte no character starts with: both give up */
    check("資訊\xBF", 7);
    expect_same(2 * 24);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_han_convert__glossary),
        cmocka_unit_test(test_han_convert__dictionaries),
        cmocka_unit_test(test_han_convert__ideographs),
        cmocka_unit_test(test_han_convert__concatenations),
        cmocka_unit_test(test_han_convert__mixed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
