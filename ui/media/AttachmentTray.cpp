#include "AttachmentTray.h"
