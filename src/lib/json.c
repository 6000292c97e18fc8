/*
** json.c — the one JSON string writer: every JSON string glossa writes (the
** CLI's --format json, the web API, export --format json) is escaped here,
** so that the output is always valid JSON and safe on a terminal; and the
** one JSON shape of a national definition (glossa_legal_json), which the
** CLI, the web API and export all write.
*/
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

int glossa_json_string(const char *s, size_t n, glossa_write_fn write, void *userdata)
{
    size_t i = 0, run = 0; /* s[run..i) is copied as it is */
    int rc = write(userdata, "\"", 1);
    while (!rc && i < n) {
        char esc[8];
        const char *put = NULL;
        unsigned cp;
        size_t k = glossa_utf8_next(s + i, n - i, &cp);
        if (k == 0) {
            put = "\\ufffd", k = 1; /* not UTF-8: JSON has no way to carry the byte */
        } else if (cp == '"') {
            put = "\\\"";
        } else if (cp == '\\') {
            put = "\\\\";
        } else if (cp == '\n') {
            put = "\\n";
        } else if (cp == '\r') {
            put = "\\r";
        } else if (cp == '\t') {
            put = "\\t";
        } else if (glossa_char_is_unsafe(cp)) {
            snprintf(esc, sizeof esc, "\\u%04x", cp);
            put = esc;
        }
        if (put) {
            if (i > run)
                rc = write(userdata, s + run, i - run);
            if (!rc)
                rc = write(userdata, put, strlen(put));
            run = i + k;
        }
        i += k;
    }
    if (!rc && i > run)
        rc = write(userdata, s + run, i - run);
    return rc ? rc : write(userdata, "\"", 1);
}

/* ---- a national definition ----------------------------------------------------------- */

struct json_out {
    glossa_write_fn write;
    void *userdata;
    int rc;
};

static void put(struct json_out *o, const char *s)
{
    if (!o->rc)
        o->rc = o->write(o->userdata, s, strlen(s));
}

static void str(struct json_out *o, const char *s)
{
    if (!o->rc)
        o->rc = glossa_json_string(s ? s : "", s ? strlen(s) : 0, o->write, o->userdata);
}

/* ,"key":"value", or nothing when value is NULL. */
static void opt(struct json_out *o, const char *key, const char *value)
{
    if (!value)
        return;
    put(o, ",\"");
    put(o, key);
    put(o, "\":");
    str(o, value);
}

int glossa_legal_json(const glossa_legal *l, glossa_write_fn write, void *userdata)
{
    struct json_out o = { write, userdata, 0 };
    char num[32];

    put(&o, "{\"id\":");
    str(&o, l->id);
    put(&o, ",\"state\":");
    str(&o, l->state);
    put(&o, ",\"act\":{\"id\":");
    str(&o, l->act_id);
    opt(&o, "title", l->act);
    opt(&o, "number", l->number);
    opt(&o, "date", l->adopted);
    put(&o, "}");
    opt(&o, "article", l->article);
    put(&o, ",\"lang\":");
    str(&o, l->lang);
    put(&o, ",\"term\":");
    str(&o, l->term);
    put(&o, ",\"text\":");
    str(&o, l->text);
    put(&o, ",\"relation\":");
    str(&o, l->relation);
    snprintf(num, sizeof num, ",\"reliability\":%d", l->reliability);
    put(&o, num);
    opt(&o, "version", l->version);
    put(&o, ",\"url\":");
    str(&o, l->url);
    put(&o, ",\"translation\":");
    if (l->translation)
        str(&o, l->translation);
    else
        put(&o, "null");
    opt(&o, "note", l->note);
    put(&o, "}");
    return o.rc;
}
