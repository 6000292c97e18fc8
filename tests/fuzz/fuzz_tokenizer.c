/*
** fuzz_tokenizer.c — libFuzzer harness for the tokenizer and search keys
** (src/lib/norm.c, keys.c: ICU word breaks, normalisation, OpenCC folding,
** stems, transliteration keys; glossa_text_width, glossa_edit_distance).
**
** Properties, for any bytes: tokens are non-empty valid UTF-8, their byte
** offsets lie inside the input and never go backwards; segments (for the
** diff) cover the input exactly, in order; the normalised key is stable
** (normalising a key gives the key again); stem and transliteration keys are
** made without error and are valid UTF-8; edit distance is 0 to itself,
** symmetric and at most the longer length.
*/
#include "fuzz.h"
#include "glossa_int.h"

#include <string.h>

static struct glossa_keys *keys;

static void teardown(void)
{
    glossa__keys_free(keys);
    keys = NULL;
}

static void setup(void)
{
    glossa_error err;
    if (keys)
        return;
    if (glossa_global_init(&err) || glossa__keys_new(&keys, &err)) {
        fprintf(stderr, "fuzz_tokenizer: set-up failed: %s\n", err.msg);
        abort();
    }
    atexit(teardown);
}

static int valid_utf8(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = (unsigned char)s[i], need, cp, min;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
        else return 0;
        i++;
        while (need--) {
            if (i >= len || ((unsigned char)s[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | ((unsigned char)s[i++] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
    }
    return 1;
}

struct walk {
    const char *text;
    size_t len, last_start, last_end, next, count;
};

static int on_token(void *ud, const char *tok, size_t tok_len, size_t start, size_t end,
                    int flags)
{
    struct walk *w = ud;
    FUZZ_CHECK(tok_len > 0, "empty token at %zu", start);
    FUZZ_CHECK(valid_utf8(tok, tok_len), "token at %zu is not UTF-8", start);
    FUZZ_CHECK(start <= end && end <= w->len, "token [%zu, %zu) of %zu bytes", start, end,
               w->len);
    FUZZ_CHECK(start >= w->last_start, "token at %zu after one at %zu", start, w->last_start);
    if (!(flags & GLOSSA_TOKEN_COLOCATED))
        FUZZ_CHECK(end >= w->last_end, "token ends at %zu after one ending at %zu", end,
                   w->last_end);
    FUZZ_CHECK(flags == 0 || flags == GLOSSA_TOKEN_COLOCATED, "flags %d", flags);
    w->last_start = start;
    w->last_end = end;
    w->count++;
    return 0;
}

static int on_segment(void *ud, const char *tok, size_t tok_len, size_t start, size_t end,
                      int flags)
{
    struct walk *w = ud;
    (void)flags;
    FUZZ_CHECK(start == w->next, "segment starts at %zu, expected %zu", start, w->next);
    FUZZ_CHECK(end > start && end <= w->len, "segment [%zu, %zu) of %zu", start, end, w->len);
    FUZZ_CHECK(tok == w->text + start && tok_len == end - start, "segment is not the input");
    w->next = end;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct glossa_norm *norm;
    struct glossa_buf key = GLOSSA_BUF_INIT, again = GLOSSA_BUF_INIT, out = GLOSSA_BUF_INIT;
    const char *text = (const char *)data;
    struct walk w;
    char *a, *b;
    size_t half, da, db;
    int rc;

    setup();
    norm = glossa__keys_norm(keys);

    memset(&w, 0, sizeof w);
    w.text = text;
    w.len = size;
    rc = glossa__norm_tokens(norm, text, size, on_token, &w);
    FUZZ_CHECK(rc == 0, "norm_tokens: %d", rc);

    memset(&w, 0, sizeof w);
    w.text = text;
    w.len = size;
    rc = glossa__norm_tokens_ex(norm, text, size, GLOSSA_NORM_HAN_CHARS, on_token, &w);
    FUZZ_CHECK(rc == 0, "norm_tokens_ex: %d", rc);

    memset(&w, 0, sizeof w);
    w.text = text;
    w.len = size;
    rc = glossa__norm_segments(norm, text, size, on_segment, &w);
    FUZZ_CHECK(rc == 0, "norm_segments: %d", rc);
    FUZZ_CHECK(w.next == size, "segments end at %zu of %zu", w.next, size);

    rc = glossa__norm_key(norm, text, size, &key);
    FUZZ_CHECK(rc == 0, "norm_key: %d", rc);
    FUZZ_CHECK(valid_utf8(glossa__buf_str(&key), key.len), "key is not UTF-8");
    rc = glossa__norm_key(norm, glossa__buf_str(&key), key.len, &again);
    FUZZ_CHECK(rc == 0, "norm_key of the key: %d", rc);
    FUZZ_CHECK(key.len == again.len && memcmp(glossa__buf_str(&key), glossa__buf_str(&again),
                                              key.len) == 0,
               "key is not stable: '%s' gives '%s'", glossa__buf_str(&key),
               glossa__buf_str(&again));

    rc = glossa__stem_key(keys, text, size, NULL, &out);
    FUZZ_CHECK(rc == 0, "stem_key: %d", rc);
    FUZZ_CHECK(valid_utf8(glossa__buf_str(&out), out.len), "stem key is not UTF-8");
    rc = glossa__stem_key(keys, text, size, "ru", &out);
    FUZZ_CHECK(rc == 0, "stem_key ru: %d", rc);
    rc = glossa__translit_key(keys, text, size, 0, &out);
    FUZZ_CHECK(rc == 0, "translit_key: %d", rc);
    FUZZ_CHECK(valid_utf8(glossa__buf_str(&out), out.len), "translit key is not UTF-8");
    rc = glossa__translit_key(keys, text, size, 1, &out);
    FUZZ_CHECK(rc == 0, "translit_key uz: %d", rc);

    (void)glossa_text_width(text, size);

    /* the public helpers on two NUL-terminated halves */
    half = size / 2;
    a = malloc(half + 1);
    b = malloc(size - half + 1);
    if (a && b) {
        memcpy(a, text, half);
        a[half] = '\0';
        memcpy(b, text + half, size - half);
        b[size - half] = '\0';
        FUZZ_CHECK(glossa_edit_distance(a, a) == 0, "distance to itself");
        da = glossa_edit_distance(a, b);
        db = glossa_edit_distance(b, a);
        FUZZ_CHECK(da == db, "distance %zu one way, %zu the other", da, db);
        FUZZ_CHECK(da <= 64, "distance %zu over 64 code points", da);
        (void)glossa_lang_is_valid(a);
    }
    free(a);
    free(b);
    glossa__buf_release(&key);
    glossa__buf_release(&again);
    glossa__buf_release(&out);
    return 0;
}
