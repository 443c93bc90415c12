// Placeholder: thumbnails of the attachments of sent messages (owned by the view helper).
#pragma once
