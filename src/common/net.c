/*
** net.c — what the two servers' socket loops share (the DICT server,
** src/cli/cmd_serve.c, and the web server's door, src/web/http_door.c): the
** clock they time connections by, the flags of every socket they make, and
** whether two connections come from one host (--max-per-ip), and which
** connection a full server closes to let another address in (its fair share).
*/
#include "common.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <time.h>

double serve_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int serve_socket_flags(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    return fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) < 0
               ? -1 : 0;
}

int serve_same_host(const struct sockaddr_storage *a, const struct sockaddr_storage *b)
{
    if (a->ss_family != b->ss_family)
        return 0;
    if (a->ss_family == AF_INET)
        return memcmp(&((const struct sockaddr_in *)a)->sin_addr,
                      &((const struct sockaddr_in *)b)->sin_addr, sizeof(struct in_addr)) == 0;
    if (a->ss_family == AF_INET6)
        return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
                      &((const struct sockaddr_in6 *)b)->sin6_addr, sizeof(struct in6_addr)) == 0;
    return 1;
}

long serve_share_victim(size_t n, const struct sockaddr_storage *(*at)(void *cls, size_t i,
                                                                      double *since),
                        void *cls, const struct sockaddr_storage *newcomer)
{
    size_t i, j, mine = 0, most = 0;
    long victim = -1;
    double oldest = 0;
    for (i = 0; i < n; i++) {
        double since;
        const struct sockaddr_storage *a = at(cls, i, &since);
        size_t count = 0;
        if (!a)
            continue;
        mine += (size_t)serve_same_host(a, newcomer);
        for (j = 0; j < n; j++) {
            double ignored;
            const struct sockaddr_storage *b = at(cls, j, &ignored);
            count += (size_t)(b && serve_same_host(a, b));
        }
        if (count > most || (count == most && since < oldest)) {
            most = count;
            oldest = since;
            victim = (long)i;
        }
    }
    return most > mine ? victim : -1;
}
