# CMake functions of the Allo C++ package (included by AlloConfig.cmake).

function(allo_add_hls_kernel)
  cmake_parse_arguments(A "" "TARGET;SOURCE;TOP;OUTPUT;SCHEDULE;PROJECT;TARGET_KIND;INTERFACE"
                        "FLAGS" ${ARGN})
  foreach(req TARGET SOURCE TOP OUTPUT)
    if(NOT A_${req})
      message(FATAL_ERROR "allo_add_hls_kernel: ${req} is required")
    endif()
  endforeach()
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "allo_add_hls_kernel: unexpected arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT A_TARGET_KIND)
    set(A_TARGET_KIND vhls)
  endif()
  get_filename_component(src "${A_SOURCE}" ABSOLUTE)
  get_filename_component(out "${A_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  set(args "${src}" --top "${A_TOP}" --target "${A_TARGET_KIND}" -o "${out}")
  set(deps "${src}")
  set(outputs "${out}")
  if(A_SCHEDULE)
    get_filename_component(sched "${A_SCHEDULE}" ABSOLUTE)
    list(APPEND args --schedule "${sched}")
    list(APPEND deps "${sched}")
  endif()
  if(A_INTERFACE)
    list(APPEND args --interface "${A_INTERFACE}")
  endif()
  if(A_PROJECT)
    get_filename_component(proj "${A_PROJECT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    list(APPEND args --project "${proj}")
    list(APPEND outputs "${proj}/run_hls.tcl" "${proj}/Makefile")
  endif()
  list(APPEND args -- -std=c++17 ${A_FLAGS})
  get_filename_component(outdir "${out}" DIRECTORY)
  add_custom_command(OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory "${outdir}"
    COMMAND Allo::allo-rewrite ${args}
    DEPENDS ${deps} Allo::allo-rewrite
    COMMENT "allo-rewrite ${A_SOURCE} -> ${A_OUTPUT}"
    VERBATIM)
  add_custom_target(${A_TARGET} ALL DEPENDS ${outputs})
  set_target_properties(${A_TARGET} PROPERTIES ALLO_OUTPUT "${out}")
endfunction()

function(allo_target_use_plugin target)
  cmake_parse_arguments(A "" "TOP;SCHEDULE;OUTPUT;TARGET_KIND" "" ${ARGN})
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 22
     OR CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 23)
    message(FATAL_ERROR
      "allo_target_use_plugin(${target}): the Allo plugin loads only into clang++ 22, and this "
      "project compiles with ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}. Use "
      "allo_add_hls_kernel(...), which runs allo-rewrite and works with any compiler, or "
      "configure with -DCMAKE_CXX_COMPILER=clang++-22.")
  endif()
  set(opts "-fplugin=$<TARGET_FILE:Allo::AlloPlugin>")
  if(A_TARGET_KIND)
    list(APPEND opts "-fplugin-arg-allo-target=${A_TARGET_KIND}")
  endif()
  if(A_TOP)
    list(APPEND opts "-fplugin-arg-allo-top=${A_TOP}")
  endif()
  if(A_SCHEDULE)
    get_filename_component(sched "${A_SCHEDULE}" ABSOLUTE)
    list(APPEND opts "-fplugin-arg-allo-schedule=${sched}")
    # Touching the schedule recompiles the sources that use it.
    get_target_property(srcs ${target} SOURCES)
    set_property(SOURCE ${srcs} TARGET_DIRECTORY ${target} APPEND PROPERTY OBJECT_DEPENDS "${sched}")
  endif()
  target_link_libraries(${target} PRIVATE Allo::headers)
  if(A_OUTPUT)
    get_filename_component(out "${A_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    list(APPEND opts "-fplugin-arg-allo-o=${out}")
    # The plugin writes OUTPUT while compiling `target`; declare it so that
    # other targets of this directory can compile it (a csim executable).
    # `target` must be a library or executable (a file to depend on).
    add_custom_command(OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -E touch_nocreate "${out}"
      DEPENDS ${target}
      COMMENT "Allo plugin output ${A_OUTPUT}"
      VERBATIM)
  endif()
  target_compile_options(${target} PRIVATE ${opts})
endfunction()
