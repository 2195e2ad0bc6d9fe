# CPack: `cpack --preset`-less use: cmake --build build/release && cd build/release && cpack -G DEB
set(CPACK_PACKAGE_NAME "chat")
set(CPACK_PACKAGE_VENDOR "chat project")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Self-hosted team chat: chat-server and chat-client")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "chat maintainers <chat@localhost>")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)

# Debian: shlibdeps finds the libraries; Qt's plugins (SQL drivers, platform) it cannot see.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
# Colour emoji in the chat pane (Qt's font fallback picks the font when it is installed); a cluster's
# other parts (docs/deploy.md) are the operator's choice.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-color-emoji")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, redis-server, haproxy")

# Windows (NSIS) and macOS (DragNDrop) take the same install() rules.
set(CPACK_NSIS_DISPLAY_NAME "chat")
set(CPACK_NSIS_PACKAGE_NAME "chat")
set(CPACK_DMG_VOLUME_NAME "chat")

install(FILES ${PROJECT_SOURCE_DIR}/resources/server.ini DESTINATION share/chat RENAME server.ini.sample OPTIONAL)
if(UNIX AND NOT APPLE)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/chat-server.service DESTINATION lib/systemd/system)
  # The service's config: the sample with its database in the service's state folder.
  file(READ ${PROJECT_SOURCE_DIR}/resources/server.ini CHAT_SAMPLE_INI)
  string(REPLACE "\npath=chat.sqlite3\n" "\npath=/var/lib/chat/chat.sqlite3\n" CHAT_SERVICE_INI "${CHAT_SAMPLE_INI}")
  file(WRITE ${CMAKE_BINARY_DIR}/packaging/server.ini "${CHAT_SERVICE_INI}")
  install(FILES ${CMAKE_BINARY_DIR}/packaging/server.ini DESTINATION /etc/chat)
endif()

include(CPack)
