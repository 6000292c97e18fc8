/*
** out.c — how the CLI writes: colour only on a terminal (and never with
** NO_COLOR or TERM=dumb), git-style error lines (`file:line:col: error: …`),
** padding and wrapping by display width (CJK counts two columns), and the
** final check that stdout was really written; warnings (`file:line:
** warning: …`) and where output goes: standard output, or (-o FILE) a file
** written by glossa_write_file (aside, then renamed), or a pipe or
** character device (/dev/null, a shell's >(…)) written to as it is. JSON
** strings, the glossary folder and language lists are src/common's, shared
** with the web server.
**
** Data never reaches a terminal as it is: everything printed from a
** database, a file, a file name or the command line goes through
** out_printf / out_buf_text / out_wrapped / out_padded, which pass it through
** the library's one sanitiser (glossa_text_safe: controls, C1, DEL and bidi
** controls shown as \u009B, bad UTF-8 as U+FFFD). Only glossa's own colour
** sequences are written raw. JSON carries the exact data, escaped.
*/
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int wants_color(int fd, enum cli_color color)
{
    const char *term = getenv("TERM");
    if (color == COLOR_ALWAYS)
        return 1;
    if (color == COLOR_NEVER)
        return 0;
    if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
        return 0;
    return isatty(fd) && !(term && strcmp(term, "dumb") == 0);
}

void out_decide(struct cli_out *out, enum cli_color color)
{
    struct winsize ws;
    out->color_out = wants_color(STDOUT_FILENO, color);
    out->color_err = wants_color(STDERR_FILENO, color);
    out->progress = isatty(STDERR_FILENO);
    out->width = 80;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        out->width = ws.ws_col > 120 ? 120 : ws.ws_col;
}

const char *out_color(const struct cli_out *out, int err_stream, const char *sgr)
{
    int on = err_stream ? out->color_err : out->color_out;
    return on ? sgr : "";
}

static void print_location(const glossa_error *e)
{
    if (!e->file[0])
        return;
    out_printf(stderr, "%s:", e->file);
    if (e->line > 0) {
        fprintf(stderr, "%ld:", e->line);
        if (e->column > 0)
            fprintf(stderr, "%ld:", e->column);
    }
    fputc(' ', stderr);
}

void out_diag(const glossa_error *d, void *userdata)
{
    const struct cli_out *out = userdata;
    int warning = d->code == GLOSSA_WARNING;
    print_location(d);
    fprintf(stderr, "%s%s:%s ", out_color(out, 1, warning ? "\033[1;33m" : "\033[1;31m"),
            warning ? "warning" : "error", out_color(out, 1, "\033[0m"));
    out_printf(stderr, "%s\n", d->msg);
}

void out_diag_counted(const glossa_error *d, void *userdata)
{
    struct diag_count *c = userdata;
    if (d->code == GLOSSA_WARNING)
        c->warnings++;
    else
        c->errors++;
    out_diag(d, (void *)c->out);
}

void out_error(const struct cli_out *out, const glossa_error *e)
{
    fputs("glossa: ", stderr);
    out_diag(e, (void *)out);
}

void out_message(const struct cli_out *out, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "glossa: %serror:%s ", out_color(out, 1, "\033[1;31m"),
            out_color(out, 1, "\033[0m"));
    va_start(ap, fmt);
    out_vprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- data made safe to print ------------------------------------------------------- */

static int buf_grow(struct out_buf *b, size_t more)
{
    size_t cap = b->cap ? b->cap : 256;
    char *s;
    if (b->oom)
        return -1;
    if (b->len + more < b->cap)
        return 0;
    while (cap <= b->len + more)
        cap *= 2;
    s = realloc(b->s, cap);
    if (!s) {
        b->oom = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

void out_buf_raw(struct out_buf *b, const char *s, size_t n)
{
    if (buf_grow(b, n) == 0) {
        memcpy(b->s + b->len, s, n);
        b->len += n;
        b->s[b->len] = '\0';
    }
}

void out_buf_text(struct out_buf *b, const char *s, size_t n)
{
    size_t need = glossa_text_safe(NULL, 0, s, n);
    if (buf_grow(b, need) == 0)
        b->len += glossa_text_safe(b->s + b->len, b->cap - b->len, s, n);
}

void out_buf_free(struct out_buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

/* One conversion of a number (spec has no '*') appended to b. */
#define BUF_NUMBER(b, spec, type, ap)                                                    \
    do {                                                                                 \
        type v_ = va_arg(ap, type);                                                      \
        int n_ = snprintf(NULL, 0, spec, v_);                                            \
        if (n_ > 0 && buf_grow(b, (size_t)n_) == 0)                                      \
            b->len += (size_t)snprintf(b->s + b->len, (size_t)n_ + 1, spec, v_);         \
    } while (0)

/* The text of a string conversion: precision in bytes, cut between
** characters; sanitised; padded to width display columns. */
static void buf_string(struct out_buf *b, const char *s, int width, int prec, int left)
{
    struct out_buf t = { 0 };
    size_t n = s ? strlen(s) : 0, w;
    if (prec >= 0 && (size_t)prec < n) {
        n = (size_t)prec;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    out_buf_text(&t, s ? s : "", n);
    w = t.s ? glossa_text_width(t.s, t.len) : 0;
    while (!left && width > 0 && w++ < (size_t)width)
        out_buf_raw(b, " ", 1);
    if (t.s)
        out_buf_raw(b, t.s, t.len);
    while (left && width > 0 && w++ < (size_t)width)
        out_buf_raw(b, " ", 1);
    out_buf_free(&t);
}

void out_buf_vprintf(struct out_buf *b, const char *fmt, va_list ap)
{
    const char *p = fmt;
    while (*p) {
        const char *pc = strchr(p, '%');
        char spec[40], length[3] = "";
        size_t k = 1;
        int width = -1, prec = -1, left = 0;
        if (!pc) {
            out_buf_raw(b, p, strlen(p));
            return;
        }
        out_buf_raw(b, p, (size_t)(pc - p));
        p = pc + 1;
        if (*p == '%') {
            out_buf_raw(b, "%", 1);
            p++;
            continue;
        }
        spec[0] = '%';
        while (*p && strchr("-+ #0", *p) && k < 8) {
            left |= *p == '-';
            spec[k++] = *p++;
        }
        if (*p == '*') {
            width = va_arg(ap, int);
            if (width < 0)
                left = 1, width = -width, spec[k++] = '-';
            p++;
        } else if (*p >= '0' && *p <= '9') {
            width = (int)strtol(p, (char **)&p, 10);
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                prec = va_arg(ap, int); /* negative: as if there were none */
                p++;
            } else {
                prec = (int)strtol(p, (char **)&p, 10);
            }
        }
        if (width >= 0)
            k += (size_t)snprintf(spec + k, sizeof spec - k, "%d", width);
        if (prec < -1)
            prec = -1;
        if (prec >= 0)
            k += (size_t)snprintf(spec + k, sizeof spec - k, ".%d", prec);
        while (*p && strchr("hlz", *p) && strlen(length) < 2) {
            length[strlen(length)] = *p;
            spec[k++] = *p++;
        }
        spec[k++] = *p;
        spec[k] = '\0';
        switch (*p) {
        case 's':
            buf_string(b, va_arg(ap, const char *), width, prec, left);
            break;
        case 'c': {
            char c = (char)va_arg(ap, int);
            buf_string(b, (char[]){ c, '\0' }, width, -1, left);
            break;
        }
        case 'd': case 'i':
            if (length[0] == 'z')
                BUF_NUMBER(b, spec, ssize_t, ap);
            else if (strcmp(length, "ll") == 0)
                BUF_NUMBER(b, spec, long long, ap);
            else if (length[0] == 'l')
                BUF_NUMBER(b, spec, long, ap);
            else
                BUF_NUMBER(b, spec, int, ap);
            break;
        case 'u': case 'x': case 'X': case 'o':
            if (length[0] == 'z')
                BUF_NUMBER(b, spec, size_t, ap);
            else if (strcmp(length, "ll") == 0)
                BUF_NUMBER(b, spec, unsigned long long, ap);
            else if (length[0] == 'l')
                BUF_NUMBER(b, spec, unsigned long, ap);
            else
                BUF_NUMBER(b, spec, unsigned, ap);
            break;
        case 'f': case 'e': case 'g': case 'E': case 'G':
            BUF_NUMBER(b, spec, double, ap);
            break;
        default: /* not a conversion glossa uses: shown as written */
            out_buf_raw(b, pc, (size_t)(p + (*p != '\0') - pc));
            break;
        }
        if (*p)
            p++;
    }
}

void out_buf_printf(struct out_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    out_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void out_vprintf(FILE *f, const char *fmt, va_list ap)
{
    struct out_buf b = { 0 };
    out_buf_vprintf(&b, fmt, ap);
    if (b.len)
        fwrite(b.s, 1, b.len, f);
    out_buf_free(&b);
}

void out_printf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    out_vprintf(f, fmt, ap);
    va_end(ap);
}

size_t out_width(const char *s)
{
    struct out_buf b = { 0 };
    size_t w;
    out_buf_text(&b, s ? s : "", s ? strlen(s) : 0);
    w = b.s ? glossa_text_width(b.s, b.len) : 0;
    out_buf_free(&b);
    return w;
}

void out_padded(FILE *f, const char *s, size_t width)
{
    out_printf(f, "%-*s", (int)width, s);
}

static size_t utf8_len(unsigned char c)
{
    if (c < 0x80) return 1;
    if ((c & 0xe0) == 0xc0) return 2;
    if ((c & 0xf0) == 0xe0) return 3;
    if ((c & 0xf8) == 0xf0) return 4;
    return 1;
}

/* Print text made safe (glossa's own colour sequences the only escapes in
** it) wrapped at out->width, continuation lines indented by indent. */
static void wrap_safe(FILE *f, const struct cli_out *out, const char *text, size_t first_col,
                      size_t indent)
{
    size_t limit = (size_t)out->width, col = first_col;
    const char *line = text, *p = text, *last_space = NULL;

    if (limit < indent + 20)
        limit = indent + 20;
    while (*p) {
        size_t n = utf8_len((unsigned char)*p);
        size_t w;
        if (*p == '\033') { /* an SGR colour sequence takes no room */
            const char *m = strchr(p, 'm');
            if (m) {
                p = m + 1;
                continue;
            }
        }
        w = glossa_text_width(p, n);
        if (*p == ' ')
            last_space = p;
        if (col + w > limit && p > line) {
            const char *cut = last_space && last_space > line ? last_space : p;
            size_t i;
            fwrite(line, 1, (size_t)(cut - line), f);
            fputc('\n', f);
            for (i = 0; i < indent; i++)
                fputc(' ', f);
            line = *cut == ' ' ? cut + 1 : cut;
            last_space = NULL;
            p = line;
            col = indent;
            continue;
        }
        col += w;
        p += n;
    }
    fputs(line, f);
    fputc('\n', f);
}

void out_wrapped(FILE *f, const struct cli_out *out, const char *text, size_t first_col,
                 size_t indent)
{
    struct out_buf b = { 0 };
    out_buf_text(&b, text ? text : "", text ? strlen(text) : 0);
    wrap_safe(f, out, b.s ? b.s : "", first_col, indent);
    out_buf_free(&b);
}

void out_buf_wrapped(FILE *f, const struct cli_out *out, const struct out_buf *b,
                     size_t first_col, size_t indent)
{
    wrap_safe(f, out, b->s ? b->s : "", first_col, indent);
}

int out_finish(int code)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);
    if (!failed && fclose(stdout) != 0)
        failed = 1;
    if (failed) {
        fprintf(stderr, "glossa: error: cannot write output: %s\n",
                errno ? strerror(errno) : "write error");
        return EXIT_ERR;
    }
    return code;
}

void out_index_counts(char *buf, size_t size, const glossa_index_stats *s)
{
    int n = snprintf(buf, size, "%lu concept%s, %lu term%s, %lu definition%s", s->concepts,
                     s->concepts == 1 ? "" : "s", s->terms, s->terms == 1 ? "" : "s",
                     s->definitions, s->definitions == 1 ? "" : "s");
    if (s->legal_definitions && n > 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, ", %lu national legal definition%s",
                 s->legal_definitions, s->legal_definitions == 1 ? "" : "s");
}

int out_make_folders(const struct cli_out *out, const char *path)
{
    char dir[4096];
    size_t i, n = strlen(path);
    if (n >= sizeof dir)
        return 0; /* too long to be made here: the library names it when it fails */
    memcpy(dir, path, n + 1);
    for (i = 1; i < n; i++) {
        if (dir[i] != '/')
            continue;
        dir[i] = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            out_message(out, "cannot make the folder %s: %s", dir, strerror(errno));
            return EXIT_ERR;
        }
        dir[i] = '/';
    }
    return 0;
}

const char *out_db_path(struct cli_args *args, int *is_default)
{
    const char *env = getenv("GLOSSA_DB"), *data = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (is_default)
        *is_default = 0;
    if (args->db_path)
        return args->db_path; /* an empty --db is an error the library reports, not a fallback */
    if (env && *env)
        return env;
    if (is_default)
        *is_default = 1;
    /* the XDG base directory rules: a relative XDG_DATA_HOME is ignored */
    if (data && data[0] == '/')
        n = snprintf(args->db_default, sizeof args->db_default, "%s/glossa/glossa.db", data);
    else if (home && home[0] == '/')
        n = snprintf(args->db_default, sizeof args->db_default, "%s/.local/share/glossa/glossa.db",
                     home);
    else
        n = -1;
    if (n < 0 || (size_t)n >= sizeof args->db_default)
        return "glossa.db";
    return args->db_default;
}

void out_warning(const glossa_error *d, void *userdata)
{
    const struct cli_out *out = userdata;
    if (d->file[0]) {
        out_printf(stderr, "%s:", d->file);
        if (d->line > 0)
            fprintf(stderr, "%ld:", d->line);
        fputc(' ', stderr);
    } else {
        fputs("glossa: ", stderr);
    }
    fprintf(stderr, "%swarning:%s ", out_color(out, 1, "\033[1;33m"), out_color(out, 1, "\033[0m"));
    out_printf(stderr, "%s\n", d->msg);
}

int out_is_stdout(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

const char *const out_doc_langs[3] = { "ru", "zh", "en" };
const glossa_doc_format out_doc_formats[5] = {
    GLOSSA_FORMAT_MD, GLOSSA_FORMAT_HTML, GLOSSA_FORMAT_DOCX, GLOSSA_FORMAT_TEI, GLOSSA_FORMAT_AKN,
};

int out_doc_refused(const struct cli_out *out, glossa_doc_format format, const char *path)
{
    if (format != GLOSSA_FORMAT_DOCX || !out_is_stdout(path) || !isatty(STDOUT_FILENO))
        return 0;
    out_message(out, "DOCX is binary: give -o FILE.docx (or redirect standard output)");
    return 1;
}

int out_is_stream(const char *path)
{
    struct stat sb;
    return path && stat(path, &sb) == 0 && (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode));
}

int out_write_stream(const struct cli_out *out, const char *path, const char *data, size_t len)
{
    glossa_error err = { .code = GLOSSA_EIO };
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(data, 1, len, f) == len;
    if (f && fclose(f) != 0)
        ok = 0;
    if (ok)
        return 0;
    snprintf(err.file, sizeof err.file, "%s", path);
    snprintf(err.msg, sizeof err.msg, "cannot write: %s", strerror(errno ? errno : EIO));
    out_error(out, &err);
    return -1;
}

int out_write_file(const struct cli_out *out, const char *path, const char *data, size_t len)
{
    glossa_error err;
    if (out_is_stdout(path))
        return fwrite(data, 1, len, stdout) == len ? 0 : -1; /* out_finish reports it */
    if (out_is_stream(path))
        return out_write_stream(out, path, data, len);
    if (glossa_write_file(path, data, len, &err)) {
        out_error(out, &err);
        return -1;
    }
    return 0;
}

int out_file_open(struct out_file *o, const struct cli_out *out, const char *path)
{
    memset(o, 0, sizeof *o);
    if (out_is_stdout(path)) {
        o->f = stdout;
        return 0;
    }
    o->path = path;
    o->f = open_memstream(&o->data, &o->len);
    if (!o->f) {
        out_message(out, "out of memory");
        return -1;
    }
    return 0;
}

int out_file_close(struct out_file *o, const struct cli_out *out, int commit)
{
    int rc = 0;
    if (o->f == stdout || !o->f)
        return 0;
    if (fclose(o->f) != 0) {
        out_message(out, "out of memory");
        commit = 0;
        rc = -1;
    }
    if (commit)
        rc = out_write_file(out, o->path, o->data, o->len);
    free(o->data);
    memset(o, 0, sizeof *o);
    return rc;
}

int out_check_languages(const struct cli_out *out, const char *flag, const char *list,
                        const char *hint)
{
    char msg[512];
    if (lang_list_check(flag, list, hint, msg, sizeof msg) == 0)
        return 0;
    out_message(out, "%s", msg);
    return -1;
}
