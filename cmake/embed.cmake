# embed.cmake — turns schema files into C arrays (run with cmake -P).
# Usage: cmake -DOUT=file.c -DSQL=glossa.sql -DRNG=glossa.rng -P embed.cmake
function(embed var path out)
    file(READ "${path}" hex HEX)
    string(LENGTH "${hex}" hexlen)
    math(EXPR len "${hexlen} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(REGEX REPLACE "((0x..,){24})" "\\1\n    " bytes "${bytes}")
    set(${out} "${${out}}const char ${var}[] = {\n    ${bytes}0x00\n};\nconst size_t ${var}_len = ${len};\n\n" PARENT_SCOPE)
endfunction()

set(text "/* resources.c — generated from schema/ by cmake/embed.cmake; do not edit. */\n#include <stddef.h>\n\n")
embed(glossa__schema_sql "${SQL}" text)
embed(glossa__schema_rng "${RNG}" text)
file(WRITE "${OUT}.new" "${text}")
file(COPY_FILE "${OUT}.new" "${OUT}" ONLY_IF_DIFFERENT)
