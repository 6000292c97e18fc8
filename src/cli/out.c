/*
** out.c — how the CLI writes: colour only on a terminal (and never with
** NO_COLOR or TERM=dumb), git-style error lines (`file:line:col: error: …`),
** JSON string escaping, padding and wrapping by display width (CJK counts
** two columns), and the final check that stdout was really written; warnings
** (`file:line: warning: …`) and where output goes: standard output, or
** (-o FILE) a file written by glossa_write_file (aside, then renamed), or a
** pipe or character device (/dev/null, a shell's >(…)) written to as it is.
*/
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int wants_color(int fd, const char *flag)
{
    const char *term = getenv("TERM");
    if (flag && strcmp(flag, "always") == 0)
        return 1;
    if (flag && strcmp(flag, "never") == 0)
        return 0;
    if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
        return 0;
    return isatty(fd) && !(term && strcmp(term, "dumb") == 0);
}

void out_decide(struct cli_out *out, const char *color_flag)
{
    struct winsize ws;
    out->color_out = wants_color(STDOUT_FILENO, color_flag);
    out->color_err = wants_color(STDERR_FILENO, color_flag);
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
    fprintf(stderr, "%s:", e->file);
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
    fprintf(stderr, "%s%s:%s %s\n", out_color(out, 1, warning ? "\033[1;33m" : "\033[1;31m"),
            warning ? "warning" : "error", out_color(out, 1, "\033[0m"), d->msg);
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
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void out_json_string(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    fputc('"', f);
    for (; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void out_padded(FILE *f, const char *s, size_t width)
{
    size_t w = glossa_text_width(s, strlen(s));
    fputs(s, f);
    while (w++ < width)
        fputc(' ', f);
}

static size_t utf8_len(unsigned char c)
{
    if (c < 0x80) return 1;
    if ((c & 0xe0) == 0xc0) return 2;
    if ((c & 0xf0) == 0xe0) return 3;
    if ((c & 0xf8) == 0xf0) return 4;
    return 1;
}

void out_wrapped(FILE *f, const struct cli_out *out, const char *text, size_t first_col,
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

const char *out_db_path(const char *flag)
{
    const char *env = getenv("GLOSSA_DB");
    if (flag)
        return flag; /* an empty --db is an error the library reports, not a fallback */
    if (env && *env)
        return env;
    return "glossa.db";
}

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* PREFIX/share/glossa/glossary beside PREFIX/bin/glossa, wherever the
** installed tree was moved to (Linux: /proc/self/exe), in buf; 0 if none. */
static int beside_binary(char *buf, size_t size)
{
    static const char rel[] = "/../share/glossa/glossary";
    char *slash;
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0 || (size_t)n + sizeof rel > size)
        return 0;
    buf[n] = '\0';
    slash = strrchr(buf, '/');
    if (!slash)
        return 0;
    memcpy(slash, rel, sizeof rel);
    return is_dir(buf);
}

const char *out_default_glossary(char *buf, size_t size)
{
    const char *env = getenv("GLOSSA_GLOSSARY");
    if (env && *env)
        return env;
    if (beside_binary(buf, size))
        return buf;
    if (is_dir(GLOSSA_GLOSSARY_DIR))
        return GLOSSA_GLOSSARY_DIR;
    return GLOSSA_INSTALLED_GLOSSARY;
}

void out_warning(const glossa_error *d, void *userdata)
{
    const struct cli_out *out = userdata;
    if (d->file[0]) {
        fprintf(stderr, "%s:", d->file);
        if (d->line > 0)
            fprintf(stderr, "%ld:", d->line);
        fputc(' ', stderr);
    } else {
        fputs("glossa: ", stderr);
    }
    fprintf(stderr, "%swarning:%s %s\n", out_color(out, 1, "\033[1;33m"),
            out_color(out, 1, "\033[0m"), d->msg);
}

int out_is_stdout(const char *path)
{
    return !path || strcmp(path, "-") == 0;
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

int lang_list_check(const char *flag, const char *list, const char *hint, char *msg,
                    size_t msg_size)
{
    char one[64];
    const char *p = list, *comma;
    if (!list)
        return 0;
    for (;; p = comma + 1) {
        size_t n;
        comma = strchr(p, ',');
        n = comma ? (size_t)(comma - p) : strlen(p);
        snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), p);
        if (!glossa_lang_is_valid(one)) {
            snprintf(msg, msg_size, "unknown language '%s' for %s (use BCP 47 tags of the "
                     "member languages: ru zh en kk ky tg uz hi ur fa be, %s)", one, flag, hint);
            return -1;
        }
        if (!comma)
            return 0;
    }
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
