add_library(xiaoan_options INTERFACE)
target_compile_options(xiaoan_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(XIAOAN_WERROR)
  target_compile_options(xiaoan_options INTERFACE -Werror)
endif()
if(XIAOAN_SANITIZE)
  target_compile_options(xiaoan_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
  # The ci preset leaves out UBSan's alignment and null checks: they instrument every pointer use,
  # which doubles the time to compile a translation unit at -O1, and a null dereference is still
  # caught, by AddressSanitizer's SEGV report (ADR 0010).
  if(XIAOAN_SANITIZE_SKIP)
    target_compile_options(xiaoan_options INTERFACE -fno-sanitize=${XIAOAN_SANITIZE_SKIP})
  endif()
  target_link_options(xiaoan_options INTERFACE -fsanitize=address,undefined)
endif()
if(XIAOAN_FUZZ)
  # Coverage for libFuzzer in every library the targets link; the targets add the driver.
  target_compile_options(xiaoan_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
target_include_directories(xiaoan_options INTERFACE ${PROJECT_SOURCE_DIR}/src)
