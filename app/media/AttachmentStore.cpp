#include "media/AttachmentStore.h"
