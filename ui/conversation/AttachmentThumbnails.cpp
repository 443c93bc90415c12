#include "conversation/AttachmentThumbnails.h"
